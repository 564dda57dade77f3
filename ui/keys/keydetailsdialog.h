#pragma once

#include "models/data/apikey.h"
#include "models/network/gatewayconnection.h"

#include <QDialog>

#include <functional>

class QFormLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace knotie {

class AuditModel;
class KeyHistoryView;
class KeyRequestsView;
class KeyStore;
class TeamModel;

// Key details: everything known about one key (type and what it may do, customer, who made
// and revoked it and when, last use, expiry, rate limit, the keys it replaced and was
// replaced by), who answers for it, its latest requests and its History. It reads the KeyStore and follows
// it, so a change made meanwhile (here with Change Limits, or by anyone through a sync) shows at once. A
// click on the predecessor or successor shows that key in the same dialog.
//
// Room for more, for the sections other work adds: factsLayout() is the form of facts (a
// row such as the key's custodian goes there, with addRow), sectionsLayout() the column of
// sections between the facts and the History (a view such as the key's latest requests
// goes there, with addWidget).
class KeyDetailsDialog : public QDialog {
    Q_OBJECT
public:
    using CustomerName = std::function<QString(const QString &customerId)>;

    KeyDetailsDialog(const QString &keyId, KeyStore *keys, AuditModel *audit, CustomerName customerName,
                     QWidget *parent = nullptr);

    QString keyId() const { return m_keyId; }
    void showKey(const QString &keyId);

    // Whether Change Limits is offered (the person may manage keys and the gateway is
    // reachable); the button also needs an active key.
    void setMayChangeLimits(bool may);

    // The team, to say when the person who answers for the key was removed from it.
    void setTeam(const knotie::TeamModel *team);
    // Adds the key's latest requests (GET /v1/keys/{id}/requests) as a section.
    void showLatestRequests(const knotie::GatewayConnection &connection);
    KeyRequestsView *requestsView() const { return m_requests; }
    // Puts the keyboard in the latest requests, for "Latest Requests…".
    void focusRequests();

    QFormLayout *factsLayout() const { return m_facts; }
    QVBoxLayout *sectionsLayout() const { return m_sections; }

Q_SIGNALS:
    void changeLimitsRequested(const knotie::ApiKey &key);

private:
    void refresh();
    QLabel *addFact(const QString &objectName, const QString &label);
    QString linkTo(const QString &keyId) const;

    QString m_keyId;
    KeyStore *m_keys;
    CustomerName m_customerName;
    bool m_mayChangeLimits = false;
    QLabel *m_title;
    QFormLayout *m_facts;
    QVBoxLayout *m_sections;
    KeyHistoryView *m_history;
    QPushButton *m_changeLimits;
    const TeamModel *m_team = nullptr;
    KeyRequestsView *m_requests = nullptr;
    QLabel *m_type, *m_custodian, *m_customer, *m_status, *m_created, *m_lastUsed, *m_expires, *m_revoked,
        *m_predecessor, *m_successor, *m_rateLimit;
};

} // namespace knotie
