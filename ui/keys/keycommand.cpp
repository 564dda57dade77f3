#include "ui/keys/keycommand.h"

#include "ui/keys/keyactions.h"

#include <QWidget>

namespace knotie {

KeyCommand::KeyCommand(const QString &text, const QString &name, const QKeySequence &shortcut,
                       Restrictions restrictions, QWidget *owner)
    : QAction(text, owner)
    , m_restrictions(restrictions)
    , m_plainText(text) {
    setObjectName(name);
    setShortcut(shortcut);
    // While the key page shows, wherever focus is (the navigation, the header): a hidden page's
    // actions never fire, so other pages keep these keys. A bare key (Delete) acts only with
    // focus on the page, so pressing it in the navigation cannot start a revoke.
    const bool deleteKey = shortcut.matches(QKeySequence(Qt::Key_Delete)) == QKeySequence::ExactMatch;
    setShortcutContext(deleteKey ? Qt::WidgetWithChildrenShortcut : Qt::WindowShortcut);
    owner->addAction(this);
}

bool KeyCommand::allows(const QList<ApiKey> &selection, const QString &refusal) const {
    const auto all = [&selection](bool (*rule)(const ApiKey &)) {
        return std::all_of(selection.begin(), selection.end(), rule);
    };
    if ((m_restrictions & NeedsGateway) && !refusal.isEmpty())
        return false;
    if ((m_restrictions & NeedsSelection) && selection.isEmpty())
        return false;
    if ((m_restrictions & OnlyOne) && selection.size() != 1)
        return false;
    if ((m_restrictions & MustBeLive) && !all(KeyActions::mayRevoke))
        return false;
    if ((m_restrictions & MustBeActive) && !all(KeyActions::mayRotate))
        return false;
    if ((m_restrictions & NeedsLink) &&
        !all([](const ApiKey &k) { return !k.replacedBy.isEmpty() || !k.replaces.isEmpty(); }))
        return false;
    if (m_condition && !std::all_of(selection.begin(), selection.end(), m_condition))
        return false;
    return true;
}

void KeyCommand::update(const QList<ApiKey> &selection, const QString &refusal) {
    setEnabled(allows(selection, refusal));
    if (m_textFor)
        setText(m_textFor(int(selection.size())));
    if (m_restrictions & NeedsGateway)
        setStatusTip(refusal);
}

void KeyCommand::runOn(const QList<ApiKey> &selection) {
    // Triggered by a shortcut while disabled cannot happen, but a stale selection can.
    if (m_run && allows(selection, {}))
        m_run(selection);
}

} // namespace knotie
