#include "ui/keys/keyactions.h"

#include <QAction>
#include <QWidget>

namespace knotie {

namespace {
QAction *makeAction(QWidget *owner, const QString &text, const QString &name, const QKeySequence &shortcut) {
    auto *action = new QAction(text, owner);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    // Only while the key page has focus: other pages keep these keys for themselves.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(action);
    return action;
}
} // namespace

KeyActions::KeyActions(QWidget *owner)
    : QObject(owner)
    , create(makeAction(owner, tr("&Create API Key…"), QStringLiteral("createKey"), QKeySequence::New))
    , copyId(makeAction(owner, tr("Copy Key &ID"), QStringLiteral("copyKeyId"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)))
    , edit(
          makeAction(owner, tr("Re&name and Describe…"), QStringLiteral("editKey"), QKeySequence(Qt::Key_F2)))
    , rotate(
          makeAction(owner, tr("R&otate…"), QStringLiteral("rotateKey"), QKeySequence(Qt::CTRL | Qt::Key_R)))
    , revoke(makeAction(owner, tr("&Revoke…"), QStringLiteral("revokeKey"), QKeySequence::Delete))
    , usage(makeAction(owner, tr("Show &Usage"), QStringLiteral("showUsage"),
                       QKeySequence(Qt::CTRL | Qt::Key_U)))
    , history(makeAction(owner, tr("Show &History"), QStringLiteral("showHistory"),
                         QKeySequence(Qt::CTRL | Qt::Key_H)))
    , linked(makeAction(owner, tr("Go to &Linked Key"), QStringLiteral("showLinked"),
                        QKeySequence(Qt::CTRL | Qt::Key_L)))
    , exportCsv(makeAction(owner, tr("&Export to CSV…"), QStringLiteral("exportCsv"),
                           QKeySequence(Qt::CTRL | Qt::Key_E))) {
    create->setToolTip(
        tr("Create a new API key (%1)").arg(create->shortcut().toString(QKeySequence::NativeText)));
    update({}, {});
}

void KeyActions::update(const QList<ApiKey> &selection, const QString &refusal) {
    const bool one = selection.size() == 1;
    const bool online = refusal.isEmpty();
    const bool rotatable = !selection.isEmpty() && std::all_of(selection.begin(), selection.end(), mayRotate);
    const bool revocable = !selection.isEmpty() && std::all_of(selection.begin(), selection.end(), mayRevoke);
    create->setEnabled(online);
    copyId->setEnabled(one);
    edit->setEnabled(online && one && !selection.first().isRetired());
    rotate->setEnabled(online && rotatable);
    revoke->setEnabled(online && revocable);
    usage->setEnabled(one);
    history->setEnabled(one);
    linked->setEnabled(one &&
                       (!selection.first().replacedBy.isEmpty() || !selection.first().replaces.isEmpty()));
    const int n = int(selection.size());
    rotate->setText(n > 1 ? tr("R&otate %n Keys…", nullptr, n) : tr("R&otate…"));
    revoke->setText(n > 1 ? tr("&Revoke %n Keys…", nullptr, n) : tr("&Revoke…"));
    for (QAction *write : {create, edit, rotate, revoke})
        write->setStatusTip(online ? QString() : refusal);
}

} // namespace knotie
