#pragma once

#include <QObject>

class QNetworkAccessManager;

namespace knotie {

class AuditModel;
class ConnectionState;
class CustomerModel;
class KeyService;
class KeyTableModel;
class SecretStore;
class Session;
class SyncController;
class TeamModel;
struct UsageQuery;

// Everything the screens of one signed-in person share: the session, the data worker
// with its cache, the key actions, and the item models the worker keeps current. The
// pages get this one object and never wire the worker themselves.
class Workspace : public QObject {
    Q_OBJECT
public:
    Workspace(QNetworkAccessManager *network, SecretStore *secrets, QObject *parent = nullptr);
    ~Workspace() override;

    Session *session() const { return m_session; }
    SyncController *sync() const { return m_sync; }
    ConnectionState *connectionState() const;
    KeyService *keys() const { return m_keys; }
    KeyTableModel *keyModel() const { return m_keyModel; }
    CustomerModel *customerModel() const { return m_customerModel; }
    TeamModel *teamModel() const { return m_teamModel; }
    AuditModel *auditModel() const { return m_auditModel; }

    // Opens the signed-in person's cache (its rows show at once) and starts syncing.
    void open();
    // Stops syncing and closes the cache, as on sign-out.
    void close();
    // Asks the data worker for a usage series, off the GUI thread. The answer (the
    // gateway's, else what the cache holds for the range) comes as the worker's
    // usageLoaded with the same scope, which names the asker's cache slot.
    void fetchUsage(const UsageQuery &query, const QString &scope);

Q_SIGNALS:
    // Something to tell the person once (a damaged cache set aside, no keychain, …).
    void notice(const QString &message);

private:
    Session *m_session;
    SyncController *m_sync;
    KeyService *m_keys;
    KeyTableModel *m_keyModel;
    CustomerModel *m_customerModel;
    TeamModel *m_teamModel;
    AuditModel *m_auditModel;
};

} // namespace knotie
