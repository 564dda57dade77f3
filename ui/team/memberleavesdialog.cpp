#include "ui/team/memberleavesdialog.h"

#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keystore.h"
#include "models/session/peopleservice.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "ui/keys/keyactions.h"
#include "ui/keys/revealsecret.h"
#include "ui/keys/rotatekeydialog.h"
#include "ui/widgets/choicegroup.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace knotie {

namespace {
constexpr int choiceRole = Qt::UserRole;
constexpr int custodianRole = Qt::UserRole + 1;
} // namespace

MemberLeavesDialog::MemberLeavesDialog(const PageContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_member(new QComboBox(this))
    , m_keyList(new QTreeWidget(this))
    , m_defaultChoice(new QButtonGroup(this))
    , m_grace(new QComboBox(this))
    , m_remove(new QCheckBox(this))
    , m_custodyWarning(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_run(new QPushButton(tr("&Review and Run…"), this)) {
    setObjectName(QStringLiteral("memberLeavesDialog"));
    setWindowTitle(tr("A Team Member Leaves"));
    auto *intro = new QLabel(tr("When someone leaves your team, the keys they created or answer for should "
                                "stop being theirs: rotate them (new secrets, shown once, for whoever takes "
                                "over), revoke them, or hand them to someone who stays."),
                             this);
    intro->setWordWrap(true);

    m_member->setObjectName(QStringLiteral("leavingMember"));
    m_member->setAccessibleName(tr("Team member who leaves"));
    const QString owner = context.workspace->session()->account().user.id;
    for (const TeamMember &m : context.workspace->teamModel()->rows())
        if (m.id != owner)
            m_member->addItem(QStringLiteral("%1 (%2)").arg(m.name, m.email), m.id);
    connect(m_member, &QComboBox::currentIndexChanged, this, &MemberLeavesDialog::listKeys);

    m_keyList->setObjectName(QStringLiteral("memberKeys"));
    m_keyList->setAccessibleName(tr("Keys this member created or answers for"));
    m_keyList->setRootIsDecorated(false);
    m_keyList->setSelectionMode(QAbstractItemView::NoSelection);
    m_keyList->setHeaderLabels({tr("Key"), tr("Status"), tr("What happens")});
    m_keyList->header()->setStretchLastSection(false);
    m_keyList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_keyList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_keyList->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    auto *rotate = new QRadioButton(tr("R&otate"), this);
    rotate->setObjectName(QStringLiteral("choiceRotate"));
    auto *revoke = new QRadioButton(tr("Re&voke"), this);
    revoke->setObjectName(QStringLiteral("choiceRevoke"));
    m_defaultChoice->addButton(rotate, Rotate);
    m_defaultChoice->addButton(revoke, Revoke);
    rotate->setChecked(true);
    tabToCheckedChoice(m_defaultChoice);
    connect(m_defaultChoice, &QButtonGroup::idClicked, this, [this](int id) { setAll(Choice(id)); });
    auto *allRow = new QHBoxLayout;
    allRow->addWidget(new QLabel(tr("Every active key:"), this));
    allRow->addWidget(rotate);
    allRow->addWidget(revoke);
    allRow->addStretch();

    m_grace->setObjectName(QStringLiteral("leaveGrace"));
    m_grace->setAccessibleName(tr("Rotated keys stop working"));
    const QStringList graceLabels{tr("immediately"), tr("in 1 hour"), tr("in 24 hours"), tr("in 7 days")};
    const QList<int> grace = RotateKeyDialog::graceChoices();
    for (int i = 0; i < grace.size(); ++i)
        m_grace->addItem(graceLabels[i], grace[i]);
    setGraceSeconds(86400);

    m_custodyWarning->setObjectName(QStringLiteral("custodyWarning"));
    m_custodyWarning->setWordWrap(true);
    m_custodyWarning->setText(
        tr("A key handed over keeps its secret. Only you can know whether that secret left a server or "
           "a laptop the person who leaves could still reach; if in doubt, rotate it instead."));
    m_custodyWarning->hide();

    m_remove->setObjectName(QStringLiteral("removeFromTeam"));
    m_remove->setChecked(true);
    connect(m_remove, &QCheckBox::toggled, this, &MemberLeavesDialog::updatePlan);

    m_summary->setObjectName(QStringLiteral("leaveSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_run->setObjectName(QStringLiteral("runLeave"));
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    connect(m_run, &QPushButton::clicked, this, &MemberLeavesDialog::run);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Member:"), m_member);
    form->addRow(tr("Rotated keys stop &working:"), m_grace);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Keys they created or answer for that still work:"), this));
    layout->addWidget(m_keyList, 1);
    layout->addLayout(allRow);
    layout->addWidget(m_custodyWarning);
    layout->addWidget(m_remove);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    setMinimumWidth(640);
    resize(720, 480);
    listKeys();
}

void MemberLeavesDialog::setMember(const QString &userId) {
    m_member->setCurrentIndex(m_member->findData(userId));
}

void MemberLeavesDialog::setGraceSeconds(int seconds) {
    m_grace->setCurrentIndex(qMax(0, m_grace->findData(seconds)));
}

void MemberLeavesDialog::setRemoveFromTeam(bool remove) {
    m_remove->setChecked(remove);
}

QList<ApiKey> MemberLeavesDialog::keys() const {
    return m_keys;
}

QString MemberLeavesDialog::summary() const {
    return m_summaryText;
}

QString MemberLeavesDialog::memberName(const QString &userId) const {
    for (const TeamMember &m : m_context.workspace->teamModel()->rows())
        if (m.id == userId)
            return m.name;
    return userId;
}

void MemberLeavesDialog::listKeys() {
    if (m_running)
        return;
    const QString member = m_member->currentData().toString();
    m_keys.clear();
    m_choices.clear();
    m_keyList->clear();
    const UnixTime now = QDateTime::currentSecsSinceEpoch();
    for (const ApiKey &k : m_context.workspace->keyStore()->keys()) {
        if (member.isEmpty() || k.isRetired() || (k.createdBy.id != member && custodianOf(k).id != member))
            continue;
        m_keys.append(k);
        auto *item = new QTreeWidgetItem(m_keyList);
        item->setText(0, keyLabel(k));
        const bool active = KeyActions::mayRotate(k);
        item->setText(1,
                      active ? tr("Active") : tr("In grace, expires %1").arg(relativeTime(k.expiresAt, now)));
        auto *choice = new QComboBox(m_keyList);
        choice->setAccessibleName(tr("What happens to %1").arg(keyLabel(k)));
        if (active) {
            choice->addItem(tr("Rotate"), Rotate);
            choice->addItem(tr("Revoke"), Revoke);
            for (const TeamMember &m : m_context.workspace->teamModel()->rows()) {
                if (m.id == member)
                    continue;
                choice->addItem(tr("Hand to %1").arg(m.name), HandOver);
                choice->setItemData(choice->count() - 1, m.id, custodianRole);
            }
            choice->setCurrentIndex(choice->findData(m_defaultChoice->checkedId(), choiceRole));
        } else {
            // A key in grace was rotated already: its successor is the one to hand over.
            choice->addItem(tr("Revoke now"), Revoke);
            choice->addItem(tr("Let it expire"), Keep);
        }
        connect(choice, &QComboBox::currentIndexChanged, this, &MemberLeavesDialog::updatePlan);
        m_keyList->setItemWidget(item, 2, choice);
        m_choices.append(choice);
    }
    if (m_keys.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_keyList);
        item->setText(0, member.isEmpty() ? tr("Pick a member.")
                                          : tr("They created and answer for no keys that still work."));
    }
    updatePlan();
}

void MemberLeavesDialog::setAll(Choice choice) {
    for (QComboBox *box : std::as_const(m_choices))
        if (const int i = box->findData(choice, choiceRole); i >= 0)
            box->setCurrentIndex(i);
}

MemberLeavesDialog::Choice MemberLeavesDialog::choiceFor(const QString &keyId) const {
    for (int i = 0; i < m_keys.size(); ++i)
        if (m_keys[i].id == keyId)
            return Choice(m_choices[i]->currentData(choiceRole).toInt());
    return Keep;
}

void MemberLeavesDialog::setChoice(const QString &keyId, Choice choice, const QString &userId) {
    for (int i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i].id != keyId)
            continue;
        QComboBox *box = m_choices[i];
        for (int j = 0; j < box->count(); ++j)
            if (box->itemData(j, choiceRole).toInt() == choice &&
                (choice != HandOver || box->itemData(j, custodianRole).toString() == userId))
                box->setCurrentIndex(j);
    }
}

QList<KeyBatch::Step> MemberLeavesDialog::steps() const {
    QList<KeyBatch::Step> steps;
    for (int i = 0; i < m_keys.size(); ++i) {
        const QComboBox *box = m_choices[i];
        switch (Choice(box->currentData(choiceRole).toInt())) {
        case Rotate:
            steps.append({m_keys[i], KeyBatch::Action::Rotate, {}});
            break;
        case Revoke:
            steps.append({m_keys[i], KeyBatch::Action::Revoke, {}});
            break;
        case HandOver:
            steps.append({m_keys[i], KeyBatch::Action::HandOver, box->currentData(custodianRole).toString()});
            break;
        case Keep:
            break;
        }
    }
    return steps;
}

QStringList MemberLeavesDialog::plan() const {
    QStringList lines;
    const UnixTime now = QDateTime::currentSecsSinceEpoch();
    for (int i = 0; i < m_keys.size(); ++i) {
        const QString key = keyLabel(m_keys[i]);
        const QComboBox *box = m_choices[i];
        switch (Choice(box->currentData(choiceRole).toInt())) {
        case Rotate:
            lines.append(tr("Rotate %1: a new secret is shown once; the old one stops working %2.")
                             .arg(key, m_grace->currentText()));
            break;
        case Revoke:
            lines.append(tr("Revoke %1: it stops working at once.").arg(key));
            break;
        case HandOver:
            lines.append(tr("Hand %1 to %2: it keeps working with the same secret.")
                             .arg(key, memberName(box->currentData(custodianRole).toString())));
            break;
        case Keep:
            lines.append(tr("Leave %1 to expire %2.").arg(key, relativeTime(m_keys[i].expiresAt, now)));
            break;
        }
    }
    const QString member = m_member->currentData().toString();
    if (m_remove->isChecked() && !member.isEmpty())
        lines.append(tr("Then remove %1 from the team: their sessions end at once and they cannot sign in "
                        "again. Keys keep naming them as creator.")
                         .arg(memberName(member)));
    return lines;
}

void MemberLeavesDialog::updatePlan() {
    const QString member = m_member->currentData().toString();
    m_remove->setText(
        member.isEmpty()
            ? tr("Remove them from the team")
            : tr("Remove %1 from the team (their sessions end at once)").arg(memberName(member)));
    bool handOver = false;
    for (const QComboBox *box : std::as_const(m_choices))
        handOver = handOver || box->currentData(choiceRole).toInt() == HandOver;
    m_custodyWarning->setVisible(handOver);
    m_run->setEnabled(!m_running && !member.isEmpty() && (!m_keys.isEmpty() || m_remove->isChecked()));
}

void MemberLeavesDialog::run() {
    if (m_running)
        return;
    auto *confirm = new QMessageBox(QMessageBox::Warning, tr("A Team Member Leaves"),
                                    tr("This is what will happen:"), QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("confirmLeave"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    confirm->setInformativeText(QStringLiteral("• ") + plan().join(QStringLiteral("\n• ")));
    QPushButton *go = confirm->addButton(tr("&Do All of This"), QMessageBox::AcceptRole);
    confirm->setDefaultButton(QMessageBox::Cancel);
    connect(go, &QPushButton::clicked, this, &MemberLeavesDialog::start);
    confirm->open();
}

void MemberLeavesDialog::start() {
    if (m_running)
        return;
    m_running = true;
    m_member->setEnabled(false);
    m_keyList->setEnabled(false);
    m_remove->setEnabled(false);
    updatePlan();
    auto *batch = new KeyBatch(m_context.workspace->keys(), steps(), m_grace->currentData().toInt(), this);
    m_batch = batch;
    connect(batch, &KeyBatch::secretIssued, this, [this](const ApiKey &key, const QByteArray &secret) {
        revealSecret(m_context, key, secret, this);
    });
    connect(batch, &KeyBatch::progress, this, [this](int done, int total) {
        m_summary->setText(tr("Working… %1 of %2").arg(done).arg(total));
        m_summary->show();
    });
    connect(batch, &KeyBatch::finished, this, [this, batch] {
        const bool allDone = batch->succeeded() == batch->outcomes().size();
        const QString keysText = batch->outcomes().isEmpty() ? QString() : batch->summary();
        batch->deleteLater();
        if (!m_remove->isChecked())
            return finish(keysText);
        if (!allDone)
            return finish(keysText + QLatin1Char('\n') +
                          tr("%1 is still in the team, since not every key was changed. Try again once "
                             "the keys above are dealt with.")
                              .arg(memberName(m_member->currentData().toString())));
        m_summaryText = keysText;
        removeMember();
    });
    batch->start();
}

void MemberLeavesDialog::removeMember() {
    const QString userId = m_member->currentData().toString();
    const QString name = memberName(userId);
    PeopleOperation *operation = m_context.workspace->people()->remove(userId);
    connect(operation, &PeopleOperation::finished, this, [this, name](const PeopleResult &r) {
        const QString before = m_summaryText.isEmpty() ? QString() : m_summaryText + QLatin1Char('\n');
        if (r.ok)
            finish(before + tr("%1 was removed from the team; their sessions have ended.").arg(name));
        else
            finish(before + tr("%1 is still in the team: %2").arg(name, r.error));
    });
}

void MemberLeavesDialog::finish(const QString &text) {
    m_summaryText = text;
    m_summary->setText(text);
    m_summary->show();
    m_running = false;
    m_member->setEnabled(true);
    m_keyList->setEnabled(true);
    m_remove->setEnabled(true);
    // The list stays as it was, beside the summary; picking another member lists theirs.
    m_run->setEnabled(false);
    Q_EMIT completed();
}

} // namespace knotie
