#pragma once

#include "models/keys/keytest.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace knotie {

class Session;

// "Test a key": paste a key, read in words what it is and whether it works. The pasted
// key lives in the field and in the running check only: it is cleared when the panel is
// hidden or closed, never stored, never logged.
class KeyTestPanel : public QWidget {
    Q_OBJECT
public:
    explicit KeyTestPanel(Session *session, QWidget *parent = nullptr);
    ~KeyTestPanel() override;

    void test(const QString &secret);
    void clear();

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void showResult(const KeyTest::Result &result);
    void showLiveCall(const KeyTest::LiveCall &call);

    Session *m_session;
    KeyTest *m_test;
    QLineEdit *m_secret;
    QPushButton *m_run;
    QLabel *m_verdict;
    QLabel *m_details;
    QLabel *m_live;
};

} // namespace knotie
