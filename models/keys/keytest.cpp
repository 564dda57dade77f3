#include "models/keys/keytest.h"

#include "models/domain/keyformat.h"
#include "models/items/keytablemodel.h"
#include "models/network/keyjobs.h"
#include "models/session/session.h"

namespace knotie {

namespace {
KeyTest::Verdict verdictOf(const QString &reason, bool valid) {
    using V = KeyTest::Verdict;
    if (valid)
        return V::Valid;
    if (reason == QLatin1String("revoked"))
        return V::Revoked;
    if (reason == QLatin1String("expired"))
        return V::Expired;
    if (reason == QLatin1String("malformed"))
        return V::Malformed;
    if (reason == QLatin1String("bad_checksum"))
        return V::BadChecksum;
    return V::Unknown;
}
// The type a key's tag names, also when its checksum is wrong ("a webhook key with a
// typo"): the shape check already proved the tag is one of the four.
std::optional<KeyType> claimedType(QByteArrayView secret) {
    if (keyformat::verify(secret) == keyformat::Verdict::Malformed)
        return std::nullopt;
    return keyTypeFromTag(QString::fromLatin1(secret.sliced(3, 2)));
}
} // namespace

KeyTest::KeyTest(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session) {
    qRegisterMetaType<KeyTest::Result>();
    qRegisterMetaType<KeyTest::LiveCall>();
}

KeyTest::~KeyTest() {
    cancel();
}

bool KeyTest::isRunning() const {
    return m_check || m_whoami;
}

void KeyTest::cancel() {
    delete m_check;
    delete m_whoami;
    wipe();
}

void KeyTest::wipe() {
    m_secret.fill('\0');
    m_secret.clear();
}

void KeyTest::test(QByteArray secret) {
    cancel();
    m_secret = secret.trimmed();
    secret.fill('\0');
    Result result;
    result.type = claimedType(m_secret);
    switch (keyformat::verify(m_secret)) {
    case keyformat::Verdict::Malformed:
        result.verdict = Verdict::Malformed;
        wipe();
        Q_EMIT checked(result);
        return;
    case keyformat::Verdict::BadChecksum:
        result.verdict = Verdict::BadChecksum;
        wipe();
        Q_EMIT checked(result);
        return;
    case keyformat::Verdict::Ok:
        break;
    }
    auto *job = new CheckKeyJob(m_session->connection(), m_secret, this);
    m_check = job;
    m_session->watch(job);
    connect(job, &GatewayJob::finished, this, &KeyTest::onChecked);
    job->start();
}

void KeyTest::onChecked(const GatewayResult &r) {
    CheckKeyJob *job = m_check;
    m_check = nullptr;
    if (job)
        job->deleteLater();
    Result result;
    result.type = claimedType(m_secret);
    if (!r.ok() || !job) {
        result.verdict = Verdict::Failed;
        result.failure = r.message;
        using S = GatewayResult::Status;
        if (r.status == S::Unreachable || r.status == S::Timeout) {
            // The address signed in a moment ago: the gateway is away, not mistyped. Say what
            // was checked here, and not "check the address".
            result.failure =
                tr("The key is well-formed: a %1 key whose checksum is right. Whether it works only the "
                   "gateway can say, and it cannot be reached right now; test the key again once the "
                   "portal is back online.")
                    .arg(result.type ? keyTypeDisplayName(*result.type) : tr("Knotie"));
        }
        wipe();
        Q_EMIT checked(result);
        return;
    }
    result.verdict = verdictOf(job->check().reason, job->check().valid);
    result.key = job->check().key;
    if (result.verdict != Verdict::Valid) {
        wipe();
        Q_EMIT checked(result);
        return;
    }
    auto *whoami = new WhoAmIJob(m_session->connection(), m_secret, this);
    wipe();
    m_whoami = whoami;
    connect(whoami, &GatewayJob::finished, this, [this, whoami](const GatewayResult &live) {
        m_whoami = nullptr;
        whoami->deleteLater();
        LiveCall call;
        call.ok = live.ok();
        call.httpStatus = live.httpStatus;
        call.keyId = whoami->keyId();
        call.keyType = whoami->keyType();
        call.customerId = whoami->customerId();
        if (!live.ok())
            call.failure = live.errorCode.isEmpty() ? live.message : live.errorCode;
        Q_EMIT liveCallFinished(call);
    });
    Q_EMIT checked(result);
    whoami->start();
}

} // namespace knotie
