#pragma once

#include <QDialog>

namespace knotie {

class KeyTestPanel;
class Session;

// "Test a Key" as a dialog, for where a key turns up outside the API Reference: a whole
// secret pasted into the key search, or the palette's "test a key". The panel holds the
// secret only while it tests and clears it when the dialog closes.
class TestKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit TestKeyDialog(Session *session, QWidget *parent = nullptr);

    // Tests `secret` at once. Pass it moved: this copy is overwritten once handed on.
    void test(QByteArray secret);
    KeyTestPanel *panel() const { return m_panel; }

private:
    KeyTestPanel *m_panel;
};

} // namespace knotie
