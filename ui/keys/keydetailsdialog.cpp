#include "ui/keys/keydetailsdialog.h"

#include "models/items/keycolumns.h"
#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keystore.h"
#include "ui/keys/keyhistorydialog.h"
#include "ui/keys/keyrequestsview.h"
#include "ui/keys/keytypetext.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace knotie {

namespace {
QString when(UnixTime t) {
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(t), QLocale::ShortFormat);
}
} // namespace

KeyDetailsDialog::KeyDetailsDialog(const QString &keyId, KeyStore *keys, AuditModel *audit,
                                   CustomerName customerName, QWidget *parent)
    : QDialog(parent)
    , m_keyId(keyId)
    , m_keys(keys)
    , m_customerName(std::move(customerName))
    , m_title(new QLabel(this))
    , m_facts(new QFormLayout)
    , m_sections(new QVBoxLayout)
    , m_history(new KeyHistoryView(audit, {keyId}, this))
    , m_changeLimits(new QPushButton(tr("Change &Limits…"), this)) {
    setObjectName(QStringLiteral("keyDetailsDialog"));
    m_title->setObjectName(QStringLiteral("keyDetailsTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);

    m_facts->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_type = addFact(QStringLiteral("detailType"), tr("Type:"));
    m_customer = addFact(QStringLiteral("detailCustomer"), tr("Customer:"));
    m_status = addFact(QStringLiteral("detailStatus"), tr("Status:"));
    m_created = addFact(QStringLiteral("detailCreated"), tr("Created:"));
    m_custodian = addFact(QStringLiteral("detailCustodian"), tr("Answers for it:"));
    m_lastUsed = addFact(QStringLiteral("detailLastUsed"), tr("Last used:"));
    m_expires = addFact(QStringLiteral("detailExpires"), tr("Expires:"));
    m_revoked = addFact(QStringLiteral("detailRevoked"), tr("Revoked:"));
    m_rateLimit = addFact(QStringLiteral("detailRateLimit"), tr("Rate limit:"));
    m_predecessor = addFact(QStringLiteral("detailPredecessor"), tr("Replaces:"));
    m_successor = addFact(QStringLiteral("detailSuccessor"), tr("Replaced by:"));
    for (QLabel *link : {m_predecessor, m_successor}) {
        link->setTextInteractionFlags(Qt::TextBrowserInteraction);
        connect(link, &QLabel::linkActivated, this, [this](const QString &id) { showKey(id); });
    }
    m_sections->setObjectName(QStringLiteral("keyDetailsSections"));

    auto *historyBox = new QGroupBox(tr("History"), this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_history);

    m_changeLimits->setObjectName(QStringLiteral("changeLimitsButton"));
    connect(m_changeLimits, &QPushButton::clicked, this, [this] {
        if (const ApiKey *key = m_keys->find(m_keyId))
            Q_EMIT changeLimitsRequested(*key);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_changeLimits, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(m_facts);
    layout->addLayout(m_sections);
    layout->addWidget(historyBox, 1);
    layout->addWidget(buttons);
    connect(m_keys, &KeyStore::keysChanged, this, &KeyDetailsDialog::refresh);
    connect(m_keys, &KeyStore::reset, this, &KeyDetailsDialog::refresh);
    refresh();
    resize(640, 620);
}

QLabel *KeyDetailsDialog::addFact(const QString &objectName, const QString &label) {
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    // Unwrapped: a wrapped label in a form row is given too little height.
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->addRow(label, value);
    return value;
}

void KeyDetailsDialog::setTeam(const TeamModel *team) {
    m_team = team;
    // A removal (or the team arriving) changes what the custodian row says.
    connect(team, &QAbstractItemModel::modelReset, this, &KeyDetailsDialog::refresh);
    connect(team, &QAbstractItemModel::rowsRemoved, this, &KeyDetailsDialog::refresh);
    connect(team, &QAbstractItemModel::rowsInserted, this, &KeyDetailsDialog::refresh);
    refresh();
}

void KeyDetailsDialog::showLatestRequests(const GatewayConnection &connection) {
    if (m_requests)
        return;
    ApiKey key;
    key.id = m_keyId;
    if (const ApiKey *known = m_keys->find(m_keyId))
        key = *known;
    auto *box = new QGroupBox(tr("Latest requests"), this);
    box->setObjectName(QStringLiteral("keyDetailsRequests"));
    m_requests = new KeyRequestsView(connection, key, box);
    (new QVBoxLayout(box))->addWidget(m_requests);
    // Room for a few rows in each section, also at the dialog's smallest.
    m_requests->setMinimumHeight(200);
    m_history->setMinimumHeight(120);
    m_sections->addWidget(box, 1);
    // As much room as the History, in a window that still fits a 768-pixel-high screen.
    static_cast<QBoxLayout *>(layout())->setStretchFactor(m_sections, 1);
    resize(qMax(width(), 760), qMax(height(), 740));
}

void KeyDetailsDialog::focusRequests() {
    if (auto *table =
            m_requests ? m_requests->findChild<QTableView *>(QStringLiteral("keyRequests")) : nullptr)
        table->setFocus();
}

void KeyDetailsDialog::showKey(const QString &keyId) {
    m_keyId = keyId;
    m_history->setKeyIds({keyId});
    refresh();
}

void KeyDetailsDialog::setMayChangeLimits(bool may) {
    m_mayChangeLimits = may;
    refresh();
}

QString KeyDetailsDialog::linkTo(const QString &keyId) const {
    if (keyId.isEmpty())
        return tr("None");
    const ApiKey *key = m_keys->find(keyId);
    const QString text = key ? tr("%1 (%2)").arg(key->name, key->maskedSecret()) : keyId;
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(keyId.toHtmlEscaped(), text.toHtmlEscaped());
}

void KeyDetailsDialog::refresh() {
    const ApiKey *found = m_keys->find(m_keyId);
    m_changeLimits->setEnabled(found && m_mayChangeLimits && found->status == KeyStatus::Active);
    if (!found) {
        m_title->setText(tr("This key is not known here (yet)."));
        return;
    }
    const ApiKey &key = *found;
    setWindowTitle(tr("Key details: %1").arg(key.name));
    m_title->setText(tr("%1 — %2").arg(key.name, key.maskedSecret()));
    const KeyTypeText type = keyTypeText(key.type);
    m_type->setText(tr("%1: %2").arg(type.title, type.summary));
    m_customer->setText(key.customerId.isEmpty() ? tr("All of the account's customers (not a Customer key)")
                                                 : m_customerName(key.customerId));
    m_status->setText(keyStatusDisplayName(key.status));
    m_created->setText(tr("%1 by %2").arg(when(key.createdAt), key.createdBy.name));
    // Removed people stay on their keys (API.md v1.1); the team list tells who left. Before
    // the team is known, nobody is called removed.
    const PersonRef &custodian = custodianOf(key);
    const bool removed = m_team && m_team->rowCount() > 0 && m_team->rowOf(custodian.id) < 0;
    m_custodian->setText(removed ? tr("%1 (removed)").arg(custodian.name) : custodian.name);
    if (m_requests)
        m_requests->setKey(key);
    m_lastUsed->setText(key.lastUsedAt ? when(key.lastUsedAt) : tr("Never"));
    m_expires->setText(key.expiresAt ? when(key.expiresAt) : tr("Never"));
    m_revoked->setText(
        !key.revokedAt
            ? tr("Not revoked")
            : tr("%1 by %2").arg(when(key.revokedAt), key.revokedBy ? key.revokedBy->name : tr("someone")));
    m_rateLimit->setText(rateLimitText(key.rateLimit));
    m_predecessor->setText(linkTo(key.replaces));
    m_successor->setText(linkTo(key.replacedBy));
}

} // namespace knotie
