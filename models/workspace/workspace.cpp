#include "models/workspace/workspace.h"

#include "models/analytics/usageservice.h"
#include "models/cache/cache.h"
#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keyservice.h"
#include "models/keys/keystore.h"
#include "models/secrets/keysecrets.h"
#include "models/session/peopleservice.h"
#include "models/session/session.h"
#include "models/sync/synccontroller.h"
#include "models/sync/syncworker.h"

namespace knotie {

Workspace::Workspace(QNetworkAccessManager *network, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_session(new Session(network, secrets, this))
    , m_sync(new SyncController(this))
    , m_keys(new KeyService(m_session, m_sync, this))
    , m_keyStore(new KeyStore(this))
    , m_keyModel(new KeyTableModel(m_keyStore, this))
    , m_usage(new UsageService(m_sync->worker(), this))
    , m_customerModel(new CustomerModel(this))
    , m_teamModel(new TeamModel(this))
    , m_auditModel(new AuditModel(this))
    , m_keySecrets(new KeySecrets(secrets, m_session, m_keyStore, this))
    , m_people(new PeopleService(m_session, m_sync, m_teamModel, this)) {
    SyncWorker *worker = m_sync->worker();
    connect(worker, &SyncWorker::keysLoaded, m_keyStore, &KeyStore::setKeys);
    connect(worker, &SyncWorker::keysChanged, m_keyStore, &KeyStore::upsertKeys);
    connect(worker, &SyncWorker::customersLoaded, this, [this](const QList<Customer> &customers) {
        m_customerModel->setCustomers(customers);
        m_keyModel->setCustomers(customers);
    });
    connect(worker, &SyncWorker::teamLoaded, m_teamModel, &TeamModel::setMembers);
    connect(worker, &SyncWorker::auditLoaded, m_auditModel, &AuditModel::setEvents);
    connect(worker, &SyncWorker::auditAdded, m_auditModel, &AuditModel::addEvents);

    // Permissions may change while the portal is open: a refusal during sync reads
    // /v1/me again, and what the person may now see decides what is synced next.
    connect(m_sync, &SyncController::permissionDenied, m_session, &Session::refreshAccount);
    // A permission granted while the portal is open shows on the next sync.
    connect(worker, &SyncWorker::syncSucceeded, m_session, &Session::refreshAccount);
    connect(m_session, &Session::accountChanged, this, [this] {
        m_sync->setParts(m_session->syncParts());
        m_sync->syncNow();
    });
    connect(m_sync, &SyncController::sessionEnded, m_session, [this] { m_session->signOut(); });
    connect(m_sync, &SyncController::notice, this, &Workspace::notice);
    connect(m_session, &Session::notice, this, &Workspace::notice);
    // The key table marks the keys whose secret is in the keychain.
    const auto markSaved = [this] {
        m_keyModel->setSavedSecrets(m_keySecrets->saved());
    };
    connect(m_keySecrets, &KeySecrets::changed, m_keyModel, markSaved);
    connect(m_keyStore, &KeyStore::reset, m_keyModel, markSaved);
}

Workspace::~Workspace() {
    close();
}

ConnectionState *Workspace::connectionState() const {
    return m_sync->state();
}

void Workspace::open() {
    m_sync->start(Cache::defaultPath(m_session->gateway(), m_session->account().user.id),
                  m_session->connection(), m_session->syncParts());
}

void Workspace::close() {
    m_sync->stop();
    m_keyStore->setKeys({});
    m_customerModel->setCustomers({});
    m_teamModel->setMembers({});
    m_auditModel->setEvents({});
}

} // namespace knotie
