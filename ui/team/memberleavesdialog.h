#pragma once

#include "models/data/apikey.h"
#include "models/keys/keybatch.h"
#include "ui/pages/pagecontext.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace knotie {

// "A team member leaves": pick the person, see every key that still works (grace included)
// that they created or answer for, choose per key what happens (an active key: rotate,
// revoke or hand to another member; a key in its grace period: revoke or let it expire),
// confirm once everything that will happen, then the keys are changed one by one and the
// person is removed from the team (their sessions end at once). A failure leaves the
// person in the team and the summary says what was done and what was not.
class MemberLeavesDialog : public QDialog {
    Q_OBJECT
public:
    MemberLeavesDialog(const PageContext &context, QWidget *parent = nullptr);

    void setMember(const QString &userId);
    // The person's keys that still work, as listed.
    QList<knotie::ApiKey> keys() const;
    // What happens to each listed key; `Keep` lets a key in grace expire.
    enum Choice { Rotate, Revoke, HandOver, Keep };
    Choice choiceFor(const QString &keyId) const;
    // Hands `keyId` (an active key) to `userId`, a member staying in the team.
    void setChoice(const QString &keyId, Choice choice, const QString &userId = {});
    void setGraceSeconds(int seconds);
    void setRemoveFromTeam(bool remove);
    // Everything that will happen, one line each, as the confirmation shows it.
    QStringList plan() const;
    // Asks once for confirmation of plan(), then start()s.
    void run();
    // Runs the plan without asking.
    void start();
    QString summary() const;

Q_SIGNALS:
    // The plan ran to its end (not `done`: that would hide QDialog::done).
    void completed();

private:
    void listKeys();
    void setAll(Choice choice);
    void updatePlan();
    QList<KeyBatch::Step> steps() const;
    QString memberName(const QString &userId) const;
    void removeMember();
    void finish(const QString &text);

    PageContext m_context;
    QComboBox *m_member;
    QTreeWidget *m_keyList;
    QButtonGroup *m_defaultChoice;
    QComboBox *m_grace;
    QCheckBox *m_remove;
    QLabel *m_custodyWarning;
    QLabel *m_summary;
    QPushButton *m_run;
    QList<ApiKey> m_keys;
    QList<QComboBox *> m_choices; // one per listed key, in m_keys' order
    QPointer<KeyBatch> m_batch;
    bool m_running = false;
    QString m_summaryText;
};

} // namespace knotie
