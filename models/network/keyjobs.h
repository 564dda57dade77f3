#pragma once

#include "models/data/wireformat.h"
#include "models/network/gatewayjob.h"

namespace knotie {

// GET /v1/keys[?since=][&limit=]: one page of the keys changed after `since`.
class ListKeysJob : public GatewayJob {
    Q_OBJECT
public:
    ListKeysJob(GatewayConnection connection, QString since, int limit = 1000, QObject *parent = nullptr);
    const wire::KeyPage &page() const { return m_page; }
    // API.md v1.1's change wait: the gateway holds an empty answer up to `seconds`.
    void setWait(int seconds);

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/v1/keys"); }
    QUrlQuery query() const override;
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::ApiKeys; }

private:
    QString m_since;
    int m_limit;
    int m_wait = 0;
    wire::KeyPage m_page;
};

// What a person fills in to create a key (POST /v1/keys).
struct KeyDraft {
    QString name;
    QString description;
    KeyType type = KeyType::ReadOnly;
    QString customerId;
    UnixTime expiresAt = 0;
    std::optional<RateLimit> rateLimit;
};

// The base of create and rotate: both answer with a secret shown exactly once.
class SecretIssuingJob : public GatewayJob {
    Q_OBJECT
public:
    using GatewayJob::GatewayJob;
    const wire::CreatedKey &created() const { return m_created; }
    // Hands the secret over and forgets it, so it lives in one place only.
    QByteArray takeSecret();

protected:
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::ApiKeys; }

private:
    wire::CreatedKey m_created;
};

// POST /v1/keys. Never retried: a lost answer must not create a second key.
class CreateKeyJob : public SecretIssuingJob {
    Q_OBJECT
public:
    CreateKeyJob(GatewayConnection connection, KeyDraft draft, QObject *parent = nullptr);

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/v1/keys"); }
    bool hasBody() const override { return true; }
    QJsonObject requestBody() const override;

private:
    KeyDraft m_draft;
};

// POST /v1/keys/{id}/rotate. Never retried.
class RotateKeyJob : public SecretIssuingJob {
    Q_OBJECT
public:
    RotateKeyJob(GatewayConnection connection, QString keyId, int graceSeconds = 86400,
                 UnixTime expiresAt = 0, QObject *parent = nullptr);

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    bool hasBody() const override { return true; }
    QJsonObject requestBody() const override;

private:
    QString m_keyId;
    int m_graceSeconds;
    UnixTime m_expiresAt;
};

// The base of the calls answering with one ApiKey.
class SingleKeyJob : public GatewayJob {
    Q_OBJECT
public:
    SingleKeyJob(GatewayConnection connection, QString keyId, QObject *parent = nullptr);
    const ApiKey &key() const { return m_key; }

protected:
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::ApiKeys; }
    QString keyPath() const;

    QString m_keyId;

private:
    ApiKey m_key;
};

// PATCH /v1/keys/{id} {"custodian_id"}: another person answers for the key.
class HandOverKeyJob : public SingleKeyJob {
    Q_OBJECT
public:
    HandOverKeyJob(GatewayConnection connection, QString keyId, QString custodianId,
                   QObject *parent = nullptr);

protected:
    QByteArray method() const override { return "PATCH"; }
    QString path() const override { return keyPath(); }
    bool hasBody() const override { return true; }
    QJsonObject requestBody() const override { return {{QStringLiteral("custodian_id"), m_custodianId}}; }

private:
    QString m_custodianId;
};

// PATCH /v1/keys/{id}: rename or describe.
class UpdateKeyJob : public SingleKeyJob {
    Q_OBJECT
public:
    UpdateKeyJob(GatewayConnection connection, QString keyId, std::optional<QString> name,
                 std::optional<QString> description, QObject *parent = nullptr);

protected:
    QByteArray method() const override { return "PATCH"; }
    QString path() const override { return keyPath(); }
    bool hasBody() const override { return true; }
    QJsonObject requestBody() const override;

private:
    std::optional<QString> m_name;
    std::optional<QString> m_description;
};

// A key's limits after creation (API.md v1.1): its rate limit (none: no limit) and its
// expiry (0: never). Both are always sent, so the key ends up exactly as the person saw it.
struct KeyLimits {
    std::optional<RateLimit> rateLimit;
    UnixTime expiresAt = 0;
    bool operator==(const KeyLimits &) const = default;
};

// PATCH /v1/keys/{id} with `rate_limit` and `expires_at` (an active key's only: else 409).
class ChangeKeyLimitsJob : public SingleKeyJob {
    Q_OBJECT
public:
    ChangeKeyLimitsJob(GatewayConnection connection, QString keyId, KeyLimits limits,
                       QObject *parent = nullptr);

protected:
    QByteArray method() const override { return "PATCH"; }
    QString path() const override { return keyPath(); }
    bool hasBody() const override { return true; }
    QJsonObject requestBody() const override;

private:
    KeyLimits m_limits;
};

// DELETE /v1/keys/{id}. Never retried, though the gateway would answer the same:
// the brief is that revoke, like create and rotate, is sent exactly once.
class RevokeKeyJob : public SingleKeyJob {
    Q_OBJECT
public:
    using SingleKeyJob::SingleKeyJob;

protected:
    QByteArray method() const override { return "DELETE"; }
    QString path() const override { return keyPath(); }
};

// POST /v1/keys/check: the "test a key" screen. Reads only, so it may be retried.
class CheckKeyJob : public GatewayJob {
    Q_OBJECT
public:
    CheckKeyJob(GatewayConnection connection, QByteArray secret, QObject *parent = nullptr);
    const wire::KeyCheck &check() const { return m_check; }

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/v1/keys/check"); }
    bool hasBody() const override { return true; }
    QJsonObject requestBody() const override;
    bool parse(const QJsonObject &body) override;
    bool retryable() const override { return true; }
    std::optional<Page> area() const override { return Page::ApiKeys; }

private:
    QByteArray m_secret;
    wire::KeyCheck m_check;
};

// GET /api/v1/whoami with a key instead of the session: the one live call "test a key"
// makes, so the person sees the key work (or fail) exactly as their script would.
class WhoAmIJob : public GatewayJob {
    Q_OBJECT
public:
    WhoAmIJob(GatewayConnection connection, QByteArray secret, QObject *parent = nullptr);
    ~WhoAmIJob() override;
    QString keyId() const { return m_keyId; }
    QString keyType() const { return m_type; }
    QString customerId() const { return m_customerId; }
    QString partnerId() const { return m_partnerId; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/api/v1/whoami"); }
    QByteArray apiKey() const override { return m_secret; }
    bool parse(const QJsonObject &body) override;

private:
    QByteArray m_secret;
    QString m_keyId;
    QString m_type;
    QString m_customerId;
    QString m_partnerId;
};

} // namespace knotie
