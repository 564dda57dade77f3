#include "models/items/keysearchtext.h"

#include "models/domain/keyformat.h"
#include "models/items/keytablemodel.h"
#include "models/keys/keystore.h"

#include <QPromise>
#include <QThreadPool>

#include <array>
#include <memory>

namespace knotie {

namespace {
// Case folding in place. Most of what is searched is ASCII, which a table folds at once;
// the rest goes through Unicode's simple folding, which keeps each character's length (a
// pair of surrogates stays a pair), so the rows' offsets hold.
void foldInPlace(QChar *text, qsizetype size) {
    static const auto ascii = [] {
        std::array<char16_t, 128> table{};
        for (char16_t c = 0; c < 128; ++c)
            table[c] = c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
        return table;
    }();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text[i].unicode();
        if (c < 128) {
            text[i] = QChar(ascii[c]);
        } else if (QChar::isHighSurrogate(c) && i + 1 < size && text[i + 1].isLowSurrogate()) {
            const char32_t folded = QChar::toCaseFolded(QChar::surrogateToUcs4(c, text[i + 1].unicode()));
            text[i] = QChar(QChar::highSurrogate(folded));
            text[i + 1] = QChar(QChar::lowSurrogate(folded));
            ++i;
        } else {
            text[i] = QChar(QChar::toCaseFolded(char32_t(c)));
        }
    }
}
} // namespace

namespace {
// Appends `field` case-folded, as UTF-8: ASCII folds a byte at a time; a field with
// anything else folds the rest as UTF-16 first.
void appendFolded(QByteArray &out, QStringView field) {
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char16_t c = field[i].unicode();
        if (c >= 128) {
            QString rest = field.mid(i).toString();
            foldInPlace(rest.data(), rest.size());
            out.append(rest.toUtf8());
            return;
        }
        out.append(char(c >= u'A' && c <= u'Z' ? c + 32 : c));
    }
}

KeySearchText::Buffer build(const QList<ApiKey> &keys, const QHash<QString, QString> &customers,
                            quint64 version) {
    const auto customer = [&customers](const ApiKey &k) {
        return k.customerId.isEmpty() ? QString() : customers.value(k.customerId);
    };
    const QByteArray maskGlyph = QStringLiteral("\u2026").toUtf8();
    qsizetype size = 0;
    for (const ApiKey &k : keys)
        size += k.name.size() + k.description.size() + k.prefix.size() + maskGlyph.size() + k.last4.size() +
                k.createdBy.name.size() + customer(k).size() + 4;
    KeySearchText::Buffer b;
    b.version = version;
    b.text.reserve(size); // exact for ASCII; the rest grows it
    b.starts.reserve(keys.size() + 1);
    // A line feed between fields: the search box gives a single line, so a match never
    // spans two fields.
    const char gap = '\n';
    for (const ApiKey &k : keys) {
        b.starts.append(b.text.size());
        appendFolded(b.text, k.name);
        b.text.append(gap);
        appendFolded(b.text, k.description);
        b.text.append(gap);
        // The key as the table shows it ("kn_pk_…jC2d"): its prefix, its last 4, or both.
        appendFolded(b.text, k.prefix);
        b.text.append(maskGlyph);
        appendFolded(b.text, k.last4);
        b.text.append(gap);
        appendFolded(b.text, k.createdBy.name);
        b.text.append(gap);
        appendFolded(b.text, customer(k));
    }
    b.starts.append(b.text.size());
    return b;
}
} // namespace

KeySearchText::KeySearchText(QObject *parent)
    : QObject(parent) {
    m_soon.setSingleShot(true);
    m_soon.setInterval(0);
    connect(&m_soon, &QTimer::timeout, this, &KeySearchText::buildInBackground);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_watcher.future().resultCount() > 0)
            take(m_watcher.result());
    });
}

KeySearchText::~KeySearchText() = default;

void KeySearchText::setKeyModel(const KeyTableModel *keys) {
    m_keys = keys;
    invalidate();
}

void KeySearchText::invalidate() {
    ++m_version;
    m_built = false;
    m_text.clear();
    m_starts.clear();
    if (m_keys)
        m_soon.start();
}

void KeySearchText::buildInBackground() {
    if (m_built || !m_keys)
        return;
    // The pool thread reads its own copies: implicitly shared, so taking them is cheap,
    // and a change the model makes meanwhile detaches the model's data, not these.
    auto promise = std::make_shared<QPromise<Buffer>>();
    m_watcher.setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start(
        [promise, keys = m_keys->store()->keys(), customers = m_keys->customerNames(), version = m_version] {
            promise->addResult(build(keys, customers, version));
            promise->finish();
        });
}

void KeySearchText::take(Buffer buffer) {
    if (m_built || buffer.version != m_version)
        return; // built meanwhile, or the keys have changed since
    m_text = std::move(buffer.text);
    m_starts = std::move(buffer.starts);
    m_built = true;
    Q_EMIT built();
}

void KeySearchText::prepare() {
    if (m_soon.isActive()) // changed in this pass: not started yet
        m_soon.stop();
    else if (m_watcher.isRunning())
        m_watcher.waitForFinished(); // already on its way: less to wait for than to do again
    if (m_watcher.isFinished() && m_watcher.future().resultCount() > 0)
        take(m_watcher.result());
    if (!m_built)
        take(build(m_keys->store()->keys(), m_keys->customerNames(), m_version));
}

QString KeySearchText::searchedText(const QString &typed) {
    QString text = typed.trimmed();
    if (QString masked = maskedIfWholeSecret(text); !masked.isEmpty())
        return masked;
    // "kn_pk_...jC2d" as typed by hand means the table's "kn_pk_…jC2d".
    text.replace(QLatin1String("..."), QString(QChar(u'\u2026')));
    return text;
}

QString KeySearchText::maskedIfWholeSecret(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed.size() != keyformat::secretLength)
        return {};
    const QByteArray bytes = trimmed.toLatin1();
    QString masked;
    if (keyformat::verify(bytes) == keyformat::Verdict::Ok)
        masked = trimmed.left(keyformat::prefixLength) + QChar(u'\u2026') + trimmed.right(4);
    // The copy held the secret: overwrite it rather than leave it for the allocator.
    QByteArray wiped = bytes;
    wiped.fill('\0');
    return masked;
}

QString KeySearchText::folded(QString text) {
    foldInPlace(text.data(), text.size());
    return text;
}

} // namespace knotie
