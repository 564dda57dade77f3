#include "ui/keys/keyfilterbar.h"

#include "models/items/keyfilterproxy.h"
#include "models/items/keysearchtext.h"
#include "models/items/keytablemodel.h"
#include "models/keys/keystore.h"
#include "ui/keys/keytypetext.h"
#include "ui/settingskeys.h"
#include "ui/widgets/searchfield.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTimer>

namespace knotie {

KeyFilterBar::KeyFilterBar(KeyFilterProxy *proxy, KeyStore *keys, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_keys(keys) {
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("keySearch"));
    m_search->setAccessibleName(tr("Search keys"));
    m_search->setPlaceholderText(tr("Search name, description, key (prefix or last 4), customer or creator"));
    addClearButton(m_search);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) / 2);
    connect(m_search, &QLineEdit::textChanged, this, &KeyFilterBar::onSearchEdited);
    m_find = new QAction(this);
    m_find->setShortcut(QKeySequence::Find);
    // Anywhere in the window while the key page shows (the page is its widget).
    m_find->setShortcutContext(Qt::WindowShortcut);
    connect(m_find, &QAction::triggered, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeFilter"));
    m_type->setAccessibleName(tr("Filter by type"));
    m_type->addItem(tr("All types"), -1);
    for (KeyType t : allKeyTypes)
        m_type->addItem(keyTypeText(t).title, int(t));
    connect(m_type, &QComboBox::currentIndexChanged, proxy, [this] {
        const int t = m_type->currentData().toInt();
        m_proxy->setTypes(t < 0 ? QSet<KeyType>() : QSet<KeyType>{KeyType(t)});
    });

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Filter by status"));
    m_status->addItem(tr("Any status"), -1);
    for (KeyStatus s : {KeyStatus::Active, KeyStatus::Expiring, KeyStatus::Revoked, KeyStatus::Expired})
        m_status->addItem(keyStatusDisplayName(s), int(s));
    connect(m_status, &QComboBox::currentIndexChanged, proxy, [this] {
        const int s = m_status->currentData().toInt();
        m_proxy->setStatus(s < 0 ? std::nullopt : std::optional<KeyStatus>(KeyStatus(s)));
    });

    m_creator = new QComboBox(this);
    m_creator->setObjectName(QStringLiteral("creatorFilter"));
    m_creator->setAccessibleName(tr("Filter by creator"));
    m_creator->addItem(tr("Anyone"), QString());
    m_creator->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_creator, &QComboBox::currentIndexChanged, proxy,
            [this] { m_proxy->setCreator(m_creator->currentData().toString()); });

    m_showRetired = new QCheckBox(tr("Show re&voked and expired"), this);
    m_showRetired->setObjectName(QStringLiteral("showRetired"));
    m_showRetired->setChecked(QSettings().value(settingskeys::apiKeysShowRetired, false).toBool());
    proxy->setShowRetired(m_showRetired->isChecked());
    connect(m_showRetired, &QCheckBox::toggled, proxy, &KeyFilterProxy::setShowRetired);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("keyCount"));

    m_pastedNote = new QLabel(this);
    m_pastedNote->setObjectName(QStringLiteral("pastedSecretNote"));
    m_pastedNote->setTextFormat(Qt::RichText);
    m_pastedNote->hide();
    connect(m_pastedNote, &QLabel::linkActivated, this, &KeyFilterBar::testKeyRequested);
    m_forgetPasted = new QTimer(this);
    m_forgetPasted->setSingleShot(true);
    m_forgetPasted->setInterval(std::chrono::minutes(2));
    connect(m_forgetPasted, &QTimer::timeout, this, &KeyFilterBar::forgetPastedSecret);

    m_condition = new QLabel(this);
    m_condition->setObjectName(QStringLiteral("conditionFilter"));
    m_condition->setTextFormat(Qt::RichText);
    m_condition->hide();
    connect(m_condition, &QLabel::linkActivated, this, [this] { applyFilter(KeyFilter{}); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_pastedNote);
    layout->addWidget(m_condition);
    layout->addWidget(m_type);
    layout->addWidget(m_status);
    layout->addWidget(m_creator);
    layout->addWidget(m_showRetired);
    layout->addWidget(m_count);

    // The creator filter lists whoever created a key; worked out once the keys settle.
    auto *creators = new QTimer(this);
    creators->setSingleShot(true);
    creators->setInterval(0);
    connect(creators, &QTimer::timeout, this, &KeyFilterBar::updateCreators);
    connect(keys, &KeyStore::reset, creators, qOverload<>(&QTimer::start));
    connect(keys, &KeyStore::added, creators, qOverload<>(&QTimer::start));
    creators->start();
}

QList<QWidget *> KeyFilterBar::fields() const {
    return {m_search, m_type, m_status, m_creator, m_showRetired};
}

void KeyFilterBar::showRetired() {
    m_showRetired->setChecked(true);
}

void KeyFilterBar::setCount(int shown, int total) {
    m_count->setText(tr("%1 of %n key(s)", nullptr, total).arg(shown));
}

void KeyFilterBar::saveLayout() const {
    QSettings().setValue(settingskeys::apiKeysShowRetired, m_showRetired->isChecked());
}

void KeyFilterBar::applyFilter(const KeyFilter &filter) {
    m_type->setCurrentIndex(filter.type ? m_type->findData(int(*filter.type)) : 0);
    m_status->setCurrentIndex(filter.status ? m_status->findData(int(*filter.status)) : 0);
    if (filter.showsRetired())
        m_showRetired->setChecked(true);
    m_proxy->setCustomer(filter.customerId);
    m_proxy->setCondition(filter.condition);
    QString text;
    switch (filter.condition) {
    case KeyFilter::Condition::None:
        break;
    case KeyFilter::Condition::ExpiringSoon:
        text = tr("Expiring within 7 days");
        break;
    case KeyFilter::Condition::Unused:
        text = tr("Unused for 90 days");
        break;
    case KeyFilter::Condition::NoExpiry:
        text = tr("Without expiry");
        break;
    }
    if (!filter.customerId.isEmpty())
        text = text.isEmpty() ? tr("One customer's keys") : text;
    m_condition->setText(text.isEmpty() ? QString()
                                        : QStringLiteral("<b>%1</b> · <a href=\"clear\">%2</a>")
                                              .arg(text.toHtmlEscaped(), tr("Show all")));
    m_condition->setAccessibleName(text);
    m_condition->setVisible(!text.isEmpty());
}

void KeyFilterBar::onSearchEdited(const QString &text) {
    const QString masked = KeySearchText::maskedIfWholeSecret(text);
    if (masked.isEmpty()) {
        if (text != m_pastedNote->property("masked").toString())
            forgetPastedSecret();
        m_proxy->setText(text);
        return;
    }
    // A whole secret: search for the key it is, and keep the secret out of the field. setText
    // also drops the field's undo history, which held it; it calls this again with the mask.
    forgetPastedSecret();
    m_pastedSecret = text.trimmed().toLatin1();
    m_forgetPasted->start();
    m_pastedNote->setProperty("masked", masked);
    m_pastedNote->setText(tr("A whole key was pasted: showing the key %1. <a href=\"test\">Test a Key</a>")
                              .arg(masked.toHtmlEscaped()));
    m_pastedNote->setAccessibleName(tr("A whole key was pasted"));
    m_pastedNote->show();
    m_search->setText(masked);
}

QByteArray KeyFilterBar::takePastedSecret() {
    QByteArray secret = std::move(m_pastedSecret);
    forgetPastedSecret();
    return secret;
}

void KeyFilterBar::forgetPastedSecret() {
    m_pastedSecret.fill('\0');
    m_pastedSecret.clear();
    m_forgetPasted->stop();
    m_pastedNote->setProperty("masked", QString());
    m_pastedNote->hide();
}

void KeyFilterBar::hideEvent(QHideEvent *event) {
    forgetPastedSecret();
    QWidget::hideEvent(event);
}

void KeyFilterBar::updateCreators() {
    QHash<QString, QString> creators;
    for (const ApiKey &k : m_keys->keys())
        creators.insert(k.createdBy.id, k.createdBy.name);
    const QString current = m_creator->currentData().toString();
    const QSignalBlocker blocker(m_creator);
    while (m_creator->count() > 1)
        m_creator->removeItem(1);
    QList<std::pair<QString, QString>> sorted;
    for (auto it = creators.cbegin(); it != creators.cend(); ++it)
        sorted.append({it.value(), it.key()});
    std::sort(sorted.begin(), sorted.end());
    for (const auto &[name, id] : sorted)
        m_creator->addItem(name, id);
    m_creator->setCurrentIndex(qMax(0, m_creator->findData(current)));
}

} // namespace knotie
