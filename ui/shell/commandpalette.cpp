#include "ui/shell/commandpalette.h"

#include "models/items/keytablemodel.h"
#include "models/keys/keystore.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "ui/pages/navigator.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace knotie {

namespace {
constexpr int pageRole = Qt::UserRole + 1;
constexpr int keyRole = Qt::UserRole + 2;
constexpr int searchRole = Qt::UserRole + 3;
constexpr int detailsRole = Qt::UserRole + 4; // a key entry that opens the key's details
const QList<Page> allPages{Page::Overview,     Page::Customers, Page::Analytics,
                           Page::ApiReference, Page::ApiKeys,   Page::Team};

// Words people use for a page besides its title: the help article says "Settings".
QString aliases(Page page) {
    switch (page) {
    case Page::ApiKeys:
        return CommandPalette::tr("settings keys api key create rotate revoke");
    case Page::Team:
        return CommandPalette::tr("settings team members permissions people");
    case Page::ApiReference:
        return CommandPalette::tr("docs documentation examples curl python mcp test key connection");
    case Page::Analytics:
        return CommandPalette::tr("usage charts requests errors");
    case Page::Customers:
        return CommandPalette::tr("clients");
    case Page::Overview:
        return CommandPalette::tr("home dashboard");
    }
    return {};
}
} // namespace

CommandPalette::CommandPalette(const PageContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_query(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_hint(new QLabel(this)) {
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Go to Page or Key"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_query->setObjectName(QStringLiteral("commandQuery"));
    m_query->setAccessibleName(tr("Search pages and keys"));
    m_query->setPlaceholderText(tr("Type a page or key name…"));
    m_list->setObjectName(QStringLiteral("commandResults"));
    m_list->setAccessibleName(tr("Matching pages and keys"));
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_hint->setText(tr("↑↓ to pick, Return to open, Esc to close"));
    m_hint->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_hint);
    setMinimumSize(520, 400);

    Session *session = context.workspace->session();
    const Account &account = session->account();
    for (Page page : allPages) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(pageRole, int(page));
        const QString title = pageTitle(page);
        if (Access::maySee(account, page)) {
            item->setText(title + QLatin1Char('\n') + pageDescription(page));
        } else {
            item->setText(tr("%1 — not available to you").arg(title) + QLatin1Char('\n') +
                          Access::deniedMessage(account, page));
            item->setForeground(palette().color(QPalette::PlaceholderText));
        }
        item->setData(searchRole, QString(title + QLatin1Char(' ') + aliases(page)).toCaseFolded());
    }
    if (session->maySee(Page::ApiKeys)) {
        for (const ApiKey &key : context.workspace->keyStore()->keys()) {
            if (key.isRetired())
                continue;
            auto *item = new QListWidgetItem(
                tr("Key: %1").arg(keyLabel(key)) + QLatin1Char('\n') + keyTypeDisplayName(key.type), m_list);
            item->setData(keyRole, key.id);
            item->setData(searchRole, QString(key.name + QLatin1Char(' ') + key.maskedSecret() +
                                              QLatin1Char(' ') + keyTypeDisplayName(key.type))
                                          .toCaseFolded());
            auto *details = new QListWidgetItem(tr("Key details: %1").arg(key.name), m_list);
            details->setData(keyRole, key.id);
            details->setData(detailsRole, true);
            details->setData(searchRole, QString(tr("details") + QLatin1Char(' ') + key.name +
                                                 QLatin1Char(' ') + key.maskedSecret())
                                             .toCaseFolded());
        }
    }
    m_query->installEventFilter(this);
    connect(m_query, &QLineEdit::textChanged, this, &CommandPalette::filter);
    connect(m_query, &QLineEdit::returnPressed, this, &CommandPalette::chooseFirst);
    connect(m_list, &QListWidget::itemActivated, this, &CommandPalette::choose);
    filter();
}

void CommandPalette::setQuery(const QString &text) {
    m_query->setText(text);
}

void CommandPalette::filter() {
    const QStringList words = m_query->text().toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QListWidgetItem *first = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const QString haystack = item->data(searchRole).toString();
        bool match = true;
        for (const QString &word : words)
            match = match && haystack.contains(word);
        item->setHidden(!match);
        if (match && !first)
            first = item;
    }
    m_list->setCurrentItem(first);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event) {
    // The arrows move through the results while typing goes on in the search field.
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void CommandPalette::chooseFirst() {
    QListWidgetItem *item = m_list->currentItem();
    if (item && !item->isHidden())
        choose(item);
}

void CommandPalette::choose(QListWidgetItem *item) {
    if (Navigator *navigator = m_context.navigator) {
        if (item->data(detailsRole).toBool())
            navigator->showKeyDetails(item->data(keyRole).toString());
        else if (item->data(keyRole).isValid())
            navigator->showKey(item->data(keyRole).toString());
        else
            navigator->showPage(static_cast<Page>(item->data(pageRole).toInt()));
    }
    accept();
}

} // namespace knotie
