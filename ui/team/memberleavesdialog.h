#pragma once

#include "models/data/apikey.h"
#include "ui/pages/pagecontext.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace knotie {

class KeyBatch;
class RotateKeyDialog;

// "A team member leaves": pick the member, see every live key they created, rotate or
// revoke them all in one step (each new secret shown once), and read what happened to
// each at the end. The help article asks to rotate keys when a contractor leaves.
class MemberLeavesDialog : public QDialog {
    Q_OBJECT
public:
    MemberLeavesDialog(const PageContext &context, QWidget *parent = nullptr);

    void setMember(const QString &userId);
    // The member's keys that still work, as listed.
    QList<knotie::ApiKey> keys() const;
    enum Choice { Rotate, Revoke };
    void setGraceSeconds(int seconds);
    // Runs the chosen action on every listed key.
    void run();
    QString summary() const;

Q_SIGNALS:
    // Every chosen key was rotated or revoked (not `done`: that would hide QDialog::done).
    void completed();

private:
    void listKeys();

    PageContext m_context;
    QComboBox *m_member;
    QListWidget *m_keyList;
    QButtonGroup *m_choice;
    QComboBox *m_grace;
    QLabel *m_summary;
    QPushButton *m_run;
    QList<ApiKey> m_keys;
    QPointer<KeyBatch> m_batch;
    QString m_summaryText;
};

} // namespace knotie
