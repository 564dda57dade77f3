#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace knotie {

// The system keychain (Secret Service, macOS Keychain, Windows Credential Manager)
// behind a small asynchronous interface. Never a plaintext fallback: without a
// keychain every call fails and the caller keeps the secret in memory only.
class SecretStore : public QObject {
    Q_OBJECT
public:
    struct Result {
        bool ok = false;
        QByteArray value; // empty when the entry does not exist: "not found" is not an error
        QString error;    // for a person, when !ok
    };
    using Callback = std::function<void(const Result &)>;

    explicit SecretStore(QString service = QStringLiteral("knotie-portal"), QObject *parent = nullptr);

    // Entries are scoped by gateway and account, so two accounts never share a secret.
    static QString scopedKey(const QUrl &gateway, const QString &accountEmail, const QString &name);

    // An entry with a label of its own, the name keychain managers list it by ("Knotie — N8N
    // Production (kn_pk_…jC2d) — Demo Agency"). QtKeychain stores the label as the entry's
    // service, which is part of what finds it again: read and remove need the same label.
    struct Entry {
        QString label;
        QString key;
    };

    // `done` runs on the caller's thread, exactly once, unless `context` is gone by then.
    // The plain key forms use this store's service as the label.
    void read(const QString &key, QObject *context, Callback done);
    void write(const QString &key, const QByteArray &value, QObject *context, Callback done);
    void remove(const QString &key, QObject *context, Callback done);
    void read(const Entry &entry, QObject *context, Callback done);
    void write(const Entry &entry, const QByteArray &value, QObject *context, Callback done);
    void remove(const Entry &entry, QObject *context, Callback done);

    // A keychain call that has not finished after this long fails ("did not answer").
    void setWatchdogInterval(int milliseconds) { m_watchdogMs = milliseconds; }

private:
    enum class Operation { Read, Write, Remove };
    void run(Operation op, const Entry &entry, const QByteArray &value, QObject *context, Callback done);

    QString m_service;
    int m_watchdogMs = 10000;
};

} // namespace knotie
