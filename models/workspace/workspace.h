#pragma once

#include <QObject>

class QNetworkAccessManager;

namespace knotie {

class AuditModel;
class ConnectionState;
class CustomerModel;
class KeySecrets;
class KeyService;
class KeyStore;
class KeyTableModel;
class PeopleService;
class SecretStore;
class Session;
class SyncController;
class TeamModel;
class UsageService;

// Everything the screens of one signed-in person share: the session, the data worker
// with its cache, the keys (a KeyStore the sync feeds, and the KeyTableModel over it),
// the key actions, the usage loads, and the item models the worker keeps current. The
// pages get this one object and never wire the worker themselves: they ask its services
// and get their own operation back.
class Workspace : public QObject {
    Q_OBJECT
public:
    Workspace(QNetworkAccessManager *network, SecretStore *secrets, QObject *parent = nullptr);
    ~Workspace() override;

    Session *session() const { return m_session; }
    SyncController *sync() const { return m_sync; }
    ConnectionState *connectionState() const;
    KeyService *keys() const { return m_keys; }
    // The person's own sessions and password; the owner's changes to the team.
    PeopleService *people() const { return m_people; }
    // The keys as facts (counts, creators, a key by id).
    KeyStore *keyStore() const { return m_keyStore; }
    // The same keys as rows for views.
    KeyTableModel *keyModel() const { return m_keyModel; }
    UsageService *usage() const { return m_usage; }
    CustomerModel *customerModel() const { return m_customerModel; }
    TeamModel *teamModel() const { return m_teamModel; }
    AuditModel *auditModel() const { return m_auditModel; }
    // Which keys have a secret saved in the system keychain, and the entries themselves.
    KeySecrets *keySecrets() const { return m_keySecrets; }

    // Opens the signed-in person's cache (its rows show at once) and starts syncing.
    void open();
    // Stops syncing and closes the cache, as on sign-out.
    void close();

Q_SIGNALS:
    // Something to tell the person once (a damaged cache set aside, no keychain, …).
    void notice(const QString &message);

private:
    Session *m_session;
    SyncController *m_sync;
    KeyService *m_keys;
    KeyStore *m_keyStore;
    KeyTableModel *m_keyModel;
    UsageService *m_usage;
    CustomerModel *m_customerModel;
    TeamModel *m_teamModel;
    AuditModel *m_auditModel;
    KeySecrets *m_keySecrets;
    PeopleService *m_people;
};

} // namespace knotie
