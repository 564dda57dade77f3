#include "ui/team/memberleavesdialog.h"

#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keybatch.h"
#include "models/keys/keystore.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "ui/keys/keyactions.h"
#include "ui/keys/revealsecret.h"
#include "ui/keys/rotatekeydialog.h"
#include "ui/widgets/choicegroup.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace knotie {

MemberLeavesDialog::MemberLeavesDialog(const PageContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_member(new QComboBox(this))
    , m_keyList(new QListWidget(this))
    , m_choice(new QButtonGroup(this))
    , m_grace(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_run(new QPushButton(this)) {
    setObjectName(QStringLiteral("memberLeavesDialog"));
    setWindowTitle(tr("A Team Member Leaves"));
    auto *intro =
        new QLabel(tr("When someone leaves your team, the keys they created should stop being theirs: "
                      "rotate them (new secrets, shown once, for whoever takes over) or revoke them."),
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
    m_keyList->setAccessibleName(tr("Keys this member created"));
    m_keyList->setSelectionMode(QAbstractItemView::NoSelection);

    auto *rotate = new QRadioButton(tr("R&otate every key"), this);
    rotate->setObjectName(QStringLiteral("choiceRotate"));
    auto *revoke = new QRadioButton(tr("Re&voke every key"), this);
    revoke->setObjectName(QStringLiteral("choiceRevoke"));
    m_choice->addButton(rotate, Rotate);
    m_choice->addButton(revoke, Revoke);
    rotate->setChecked(true);
    tabToCheckedChoice(m_choice);
    m_grace->setObjectName(QStringLiteral("leaveGrace"));
    m_grace->setAccessibleName(tr("The old keys stop working"));
    const QStringList graceLabels{tr("immediately"), tr("in 1 hour"), tr("in 24 hours"), tr("in 7 days")};
    const QList<int> grace = RotateKeyDialog::graceChoices();
    for (int i = 0; i < grace.size(); ++i)
        m_grace->addItem(graceLabels[i], grace[i]);
    setGraceSeconds(86400);
    connect(m_choice, &QButtonGroup::idToggled, m_grace,
            [this] { m_grace->setEnabled(m_choice->checkedId() == Rotate); });
    auto *graceRow = new QHBoxLayout;
    graceRow->addWidget(rotate);
    graceRow->addWidget(new QLabel(tr("— the old keys stop working"), this));
    graceRow->addWidget(m_grace);
    graceRow->addStretch();

    m_summary->setObjectName(QStringLiteral("leaveSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_run->setObjectName(QStringLiteral("runLeave"));
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    connect(m_run, &QPushButton::clicked, this, &MemberLeavesDialog::run);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_choice, &QButtonGroup::idToggled, this, &MemberLeavesDialog::listKeys);

    auto *form = new QFormLayout;
    form->addRow(tr("&Member:"), m_member);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Keys they created that still work:"), this));
    layout->addWidget(m_keyList, 1);
    layout->addLayout(graceRow);
    layout->addWidget(revoke);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(560, 420);
    listKeys();
}

void MemberLeavesDialog::setMember(const QString &userId) {
    m_member->setCurrentIndex(m_member->findData(userId));
}

void MemberLeavesDialog::setGraceSeconds(int seconds) {
    m_grace->setCurrentIndex(qMax(0, m_grace->findData(seconds)));
}

QList<ApiKey> MemberLeavesDialog::keys() const {
    return m_keys;
}

QString MemberLeavesDialog::summary() const {
    return m_summaryText;
}

void MemberLeavesDialog::listKeys() {
    if (m_batch)
        return;
    const QString member = m_member->currentData().toString();
    m_keys.clear();
    m_keyList->clear();
    const bool rotate = m_choice->checkedId() == Rotate;
    for (const ApiKey &k : m_context.workspace->keyStore()->keys()) {
        if (k.createdBy.id != member || !(rotate ? KeyActions::mayRotate(k) : KeyActions::mayRevoke(k)))
            continue;
        m_keys.append(k);
        m_keyList->addItem(QStringLiteral("%1   %2").arg(keyLabel(k), keyTypeDisplayName(k.type)));
    }
    if (m_keys.isEmpty())
        m_keyList->addItem(member.isEmpty() ? tr("Pick a member.")
                                            : tr("They created no keys that still work."));
    const int n = int(m_keys.size());
    m_run->setText(rotate ? tr("&Rotate %n Key(s)", nullptr, n) : tr("&Revoke %n Key(s)", nullptr, n));
    m_run->setEnabled(n > 0);
}

void MemberLeavesDialog::run() {
    if (m_batch || m_keys.isEmpty())
        return;
    const bool rotate = m_choice->checkedId() == Rotate;
    auto *batch = new KeyBatch(m_context.workspace->keys(),
                               rotate ? KeyBatch::Action::Rotate : KeyBatch::Action::Revoke, m_keys,
                               m_grace->currentData().toInt(), this);
    m_batch = batch;
    m_run->setEnabled(false);
    m_member->setEnabled(false);
    connect(batch, &KeyBatch::secretIssued, this, [this](const ApiKey &key, const QByteArray &secret) {
        revealSecret(m_context, key, secret, this);
    });
    connect(batch, &KeyBatch::progress, this, [this](int done, int total) {
        m_summary->setText(tr("Working… %1 of %2").arg(done).arg(total));
        m_summary->show();
    });
    connect(batch, &KeyBatch::finished, this, [this, batch] {
        m_summaryText = batch->summary();
        m_summary->setText(m_summaryText);
        batch->deleteLater();
        m_batch = nullptr;
        m_member->setEnabled(true);
        // The list stays as it was, beside the summary; picking another member lists theirs.
        m_run->setEnabled(false);
        Q_EMIT completed();
    });
    batch->start();
}

} // namespace knotie
