#include "ui/keys/testkeydialog.h"

#include "ui/reference/keytestpanel.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

namespace knotie {

TestKeyDialog::TestKeyDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_panel(new KeyTestPanel(session, this)) {
    setObjectName(QStringLiteral("testKeyDialog"));
    setWindowTitle(tr("Test a Key"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_panel, 1);
    layout->addWidget(buttons);
    setMinimumSize(560, 420);
}

void TestKeyDialog::test(QByteArray secret) {
    m_panel->test(QString::fromLatin1(secret));
    secret.fill('\0');
}

} // namespace knotie
