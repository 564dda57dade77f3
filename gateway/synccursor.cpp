#include "gateway/synccursor.h"

#include "gateway/portalroute.h"
#include "gateway/store.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QtEndian>

#include <openssl/evp.h>

namespace knotie::gateway {

namespace {
constexpr int maximumLimit = 1000;
constexpr int blockSize = 16;

// The AES-128 key cursors are sealed with, derived from this database's random instance
// id, which never leaves the database.
QByteArray cursorKey(const QSqlDatabase &db) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT id FROM gateway_instance"));
    const QString instance = exec(q) && q.next() ? q.value(0).toString() : QString();
    return QCryptographicHash::hash(QByteArray("knotie-sync-cursor|" + instance.toUtf8()),
                                    QCryptographicHash::Sha256)
        .first(blockSize);
}

// One AES block, no padding: a cursor is exactly one block.
QByteArray aesBlock(const QByteArray &key, const QByteArray &block, bool encrypt) {
    QByteArray out(2 * blockSize, Qt::Uninitialized);
    EVP_CIPHER_CTX *cipher = EVP_CIPHER_CTX_new();
    int written = 0;
    int last = 0;
    const auto *keyBytes = reinterpret_cast<const unsigned char *>(key.constData());
    auto *outBytes = reinterpret_cast<unsigned char *>(out.data());
    const bool ok =
        cipher && EVP_CipherInit_ex(cipher, EVP_aes_128_ecb(), nullptr, keyBytes, nullptr, encrypt ? 1 : 0) &&
        EVP_CIPHER_CTX_set_padding(cipher, 0) &&
        EVP_CipherUpdate(cipher, outBytes, &written,
                         reinterpret_cast<const unsigned char *>(block.constData()), blockSize) &&
        EVP_CipherFinal_ex(cipher, outBytes + written, &last);
    EVP_CIPHER_CTX_free(cipher);
    if (!ok || written + last != blockSize)
        return {};
    out.resize(blockSize);
    return out;
}

// What a cursor says besides its position: which list, and whose. Eight bytes that a
// cursor altered, forged or taken from elsewhere decrypts to anything but.
QByteArray cursorContext(SyncStream stream, const QString &partnerId) {
    QByteArray context(1, stream == SyncStream::Keys ? 'k' : 'a');
    context += QCryptographicHash::hash(partnerId.toUtf8(), QCryptographicHash::Sha256).first(7);
    return context;
}

// A cursor is one AES block holding the position and its context, in base64url (22
// characters of [A-Za-z0-9_-]). Sealing it keeps the position, a number in the sequence
// all partners share, from telling one partner how busy the others are.
std::optional<qint64> decodeCursor(const QSqlDatabase &db, SyncStream stream, const QString &partnerId,
                                   const QString &cursor) {
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // Only the canonical spelling: base64 leaves spare bits in its last character.
    if (!decoded || decoded.decoded.size() != blockSize ||
        QString::fromLatin1(decoded.decoded.toBase64(QByteArray::Base64UrlEncoding |
                                                     QByteArray::OmitTrailingEquals)) != cursor)
        return std::nullopt;
    const QByteArray plain = aesBlock(cursorKey(db), decoded.decoded, false);
    if (plain.size() != blockSize || plain.sliced(8) != cursorContext(stream, partnerId))
        return std::nullopt;
    const qint64 position = qFromBigEndian<qint64>(plain.constData());
    if (position < 0 || position > lastChangeSequence(db))
        return std::nullopt;
    return position;
}
} // namespace

qint64 lastChangeSequence(const QSqlDatabase &db) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT value FROM change_sequence"));
    return exec(q) && q.next() ? q.value(0).toLongLong() : 0;
}

QString encodeCursor(const QSqlDatabase &db, SyncStream stream, const QString &partnerId, qint64 position) {
    QByteArray plain(8, Qt::Uninitialized);
    qToBigEndian<qint64>(position, plain.data());
    plain += cursorContext(stream, partnerId);
    return QString::fromLatin1(aesBlock(cursorKey(db), plain, true)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<PageRequest> readPageRequest(const QSqlDatabase &db, const RequestContext &ctx,
                                           SyncStream stream, const Responder &respond) {
    PageRequest page;
    const QUrlQuery &query = ctx.request.query;
    const auto limit = parseLimit(query, page.limit, maximumLimit);
    if (const HttpResponse *failure = httpError(limit)) {
        respond(*failure);
        return std::nullopt;
    }
    page.limit = std::get<int>(limit);
    if (query.hasQueryItem(QStringLiteral("since"))) {
        const auto position =
            decodeCursor(db, stream, ctx.user->partnerId, query.queryItemValue(QStringLiteral("since")));
        if (!position) {
            respond(fieldError(QStringLiteral("invalid_cursor"), QStringLiteral("since"),
                               QStringLiteral("This sync cursor is unknown here; sync again without one.")));
            return std::nullopt;
        }
        page.since = *position;
    }
    return page;
}

} // namespace knotie::gateway
