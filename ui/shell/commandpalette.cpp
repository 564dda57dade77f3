#include "ui/shell/commandpalette.h"

#include "models/items/keytablemodel.h"
#include "models/keys/keystore.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "ui/keys/testkeydialog.h"
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
constexpr int taskRole = Qt::UserRole + 4;   // an action entry: create a key of a type, test a key
constexpr int statusRole = Qt::UserRole + 5; // a key entry's status, for what may be done to it
constexpr int nameRole = Qt::UserRole + 6;   // a key entry's name
const QString testTask = QStringLiteral("test");
const QString createTask = QStringLiteral("create:");
const QList<Page> allPages{Page::Overview, Page::Customers, Page::Analytics, Page::ApiReference,
                           Page::ApiKeys,  Page::Team,      Page::AuditLog};
constexpr int detailsRole = Qt::UserRole + 7; // a key entry that opens the key's details

// Words people use for a page besides its title: the help article says "Settings".
QString aliases(Page page) {
    switch (page) {
    case Page::ApiKeys:
        return CommandPalette::tr("settings keys api key create rotate revoke");
    case Page::Team:
        return CommandPalette::tr("settings team members permissions people");
    case Page::AuditLog:
        return CommandPalette::tr("settings audit log history events who sign-ins export");
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
    m_query->setPlaceholderText(tr("Type a page or key name, or rotate, revoke, create or test a key…"));
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
        // Actions, not only places: "create read-only key", "test a key".
        for (KeyType type : allKeyTypes) {
            auto *item =
                new QListWidgetItem(tr("Create %1 Key…").arg(keyTypeDisplayName(type)) + QLatin1Char('\n') +
                                        tr("Opens Create API Key with this type chosen."),
                                    m_list);
            item->setData(taskRole, QString(createTask + QString::number(int(type))));
            item->setData(searchRole, tr("create new key %1 %2")
                                          .arg(keyTypeDisplayName(type), keyTypeWireName(type))
                                          .replace(QLatin1Char('_'), QLatin1Char('-'))
                                          .toCaseFolded());
        }
        auto *test = new QListWidgetItem(tr("Test a Key…") + QLatin1Char('\n') +
                                             tr("Paste a key to see whether it works and what it may do."),
                                         m_list);
        test->setData(taskRole, testTask);
        test->setData(searchRole, tr("test a key check verify secret").toCaseFolded());
        for (const ApiKey &key : context.workspace->keyStore()->keys()) {
            if (key.isRetired())
                continue;
            auto *item = new QListWidgetItem(
                tr("Key: %1").arg(keyLabel(key)) + QLatin1Char('\n') + keyTypeDisplayName(key.type), m_list);
            item->setData(keyRole, key.id);
            item->setData(statusRole, int(key.status));
            item->setData(nameRole, key.name);
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

CommandPalette::Verb CommandPalette::verbOf(const QString &word) {
    if (word == tr("rotate").toCaseFolded() || word == QLatin1String("rotate"))
        return Verb::Rotate;
    if (word == tr("revoke").toCaseFolded() || word == QLatin1String("revoke"))
        return Verb::Revoke;
    return Verb::None;
}

void CommandPalette::filter() {
    QStringList words = m_query->text().toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // "rotate n8n": the words after the verb name the key, and choosing one runs the command.
    const Verb verb = words.isEmpty() ? Verb::None : verbOf(words.first());
    if (verb != Verb::None)
        words.removeFirst();
    if (verb != m_verb)
        setVerb(verb);
    // The entry whose title begins with what was typed ("test a key") comes before the first match.
    const QString typed = m_query->text().trimmed().toCaseFolded();
    QListWidgetItem *first = nullptr;
    QListWidgetItem *titled = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const QString haystack = item->data(searchRole).toString();
        bool match = verb == Verb::None || mayApply(verb, item);
        for (const QString &word : words)
            match = match && haystack.contains(word);
        item->setHidden(!match);
        if (match && !first)
            first = item;
        if (match && !titled && !typed.isEmpty() && item->text().toCaseFolded().startsWith(typed))
            titled = item;
    }
    m_list->setCurrentItem(titled ? titled : first);
}

bool CommandPalette::mayApply(Verb verb, const QListWidgetItem *item) {
    // "rotate …" and "revoke …" run on the key entries; a details entry only opens details.
    if (!item->data(keyRole).isValid() || item->data(detailsRole).toBool())
        return false;
    const auto status = KeyStatus(item->data(statusRole).toInt());
    return verb == Verb::Rotate ? mayRotate(status)
                                : status != KeyStatus::Revoked && status != KeyStatus::Expired;
}

void CommandPalette::setVerb(Verb verb) {
    m_verb = verb;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (!item->data(keyRole).isValid() || item->data(detailsRole).toBool())
            continue;
        const QString name = item->data(nameRole).toString();
        const QString second = item->text().section(QLatin1Char('\n'), 1);
        switch (verb) {
        case Verb::None:
            item->setText(tr("Key: %1").arg(name) + QLatin1Char('\n') + second);
            break;
        case Verb::Rotate:
            item->setText(tr("Rotate %1…").arg(name) + QLatin1Char('\n') + second);
            break;
        case Verb::Revoke:
            item->setText(tr("Revoke %1…").arg(name) + QLatin1Char('\n') + second);
            break;
        }
    }
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
    const QString task = item->data(taskRole).toString();
    if (task == testTask) {
        // Parented to the window: the palette closes now.
        auto *dialog = new TestKeyDialog(m_context.workspace->session(), parentWidget());
        dialog->open();
    } else if (Navigator *navigator = m_context.navigator) {
        if (task.startsWith(createTask))
            navigator->createKey(KeyType(task.mid(createTask.size()).toInt()));
        else if (item->data(detailsRole).toBool())
            navigator->showKeyDetails(item->data(keyRole).toString());
        else if (item->data(keyRole).isValid() && m_verb != Verb::None)
            navigator->runKeyCommand(m_verb == Verb::Rotate ? QStringLiteral("rotateKey")
                                                            : QStringLiteral("revokeKey"),
                                     item->data(keyRole).toString());
        else if (item->data(keyRole).isValid())
            navigator->showKey(item->data(keyRole).toString());
        else
            navigator->showPage(static_cast<Page>(item->data(pageRole).toInt()));
    }
    accept();
}

} // namespace knotie
