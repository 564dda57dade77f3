#pragma once

#include "models/data/apikey.h"
#include "models/network/gatewayresult.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace knotie {

class CheckKeyJob;
class Session;
class WhoAmIJob;

// "Test a key": first the key's shape and checksum here (a typo is caught without a
// network call), then /v1/keys/check for what the gateway knows of it, then, for a
// valid key, one live /api/v1/whoami with it. The pasted secret is held only while
// these calls run and is overwritten when they end; nothing here logs or stores it.
class KeyTest : public QObject {
    Q_OBJECT
public:
    enum class Verdict { Malformed, BadChecksum, Unknown, Revoked, Expired, Valid, Failed };
    Q_ENUM(Verdict)

    struct Result {
        Verdict verdict = Verdict::Failed;
        std::optional<KeyType> type; // from the key's tag, known even for an unknown key
        std::optional<ApiKey> key;   // what the gateway knows of it (this partner's keys only)
        QString failure;             // for Failed: why the gateway could not say
    };

    struct LiveCall {
        bool ok = false;
        int httpStatus = 0;
        QString keyId;
        QString keyType; // wire name
        QString customerId;
        QString failure;
    };

    explicit KeyTest(Session *session, QObject *parent = nullptr);
    ~KeyTest() override;

    // Tests one pasted secret; spaces and line breaks around it are ignored. A malformed
    // key or a wrong checksum is answered before this returns.
    void test(QByteArray secret);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void checked(const knotie::KeyTest::Result &result);
    // Only after a valid key: its own call to /api/v1/whoami.
    void liveCallFinished(const knotie::KeyTest::LiveCall &call);

private:
    void onChecked(const GatewayResult &result);
    void wipe();

    Session *m_session;
    QPointer<CheckKeyJob> m_check;
    QPointer<WhoAmIJob> m_whoami;
    QByteArray m_secret;
};

} // namespace knotie

Q_DECLARE_METATYPE(knotie::KeyTest::Result)
Q_DECLARE_METATYPE(knotie::KeyTest::LiveCall)
