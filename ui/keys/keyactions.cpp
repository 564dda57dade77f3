#include "ui/keys/keyactions.h"

#include <QWidget>

namespace knotie {

namespace {
using R = KeyCommand::Restriction;
} // namespace

KeyActions::KeyActions(QWidget *owner)
    : QObject(owner)
    , create(new KeyCommand(tr("&Create API Key…"), QStringLiteral("createKey"), QKeySequence::New,
                            R::NeedsGateway, owner))
    , copyId(new KeyCommand(tr("Copy Key &ID"), QStringLiteral("copyKeyId"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), R::OnlyOne, owner))
    , copySecret(new KeyCommand(tr("Copy &Saved Secret"), QStringLiteral("copySavedSecret"),
                                QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C), R::OnlyOne | R::MustBeLive,
                                owner))
    , edit(new KeyCommand(tr("Re&name and Describe…"), QStringLiteral("editKey"), QKeySequence(Qt::Key_F2),
                          R::NeedsGateway | R::OnlyOne | R::MustBeLive, owner))
    , limits(new KeyCommand(tr("Change &Limits…"), QStringLiteral("changeLimits"), QKeySequence(),
                            R::NeedsGateway | R::OnlyOne | R::MustBeActive, owner))
    , usageWarning(new KeyCommand(tr("Set Usage &Warning…"), QStringLiteral("setUsageWarning"),
                                  QKeySequence(), R::NeedsGateway | R::OnlyOne | R::MustBeLive, owner))
    , details(new KeyCommand(tr("Key &Details…"), QStringLiteral("showDetails"), QKeySequence(), R::OnlyOne,
                             owner))
    , rotate(new KeyCommand(tr("R&otate…"), QStringLiteral("rotateKey"), QKeySequence(Qt::CTRL | Qt::Key_R),
                            R::NeedsGateway | R::NeedsSelection | R::MustBeActive, owner))
    , revoke(new KeyCommand(tr("&Revoke…"), QStringLiteral("revokeKey"), QKeySequence::Delete,
                            R::NeedsGateway | R::NeedsSelection | R::MustBeLive, owner))
    , usage(new KeyCommand(tr("Show &Usage"), QStringLiteral("showUsage"), QKeySequence(Qt::CTRL | Qt::Key_U),
                           R::OnlyOne, owner))
    , history(new KeyCommand(tr("Show &History"), QStringLiteral("showHistory"),
                             QKeySequence(Qt::CTRL | Qt::Key_H), R::OnlyOne, owner))
    , requests(new KeyCommand(tr("Latest Re&quests…"), QStringLiteral("showRequests"), QKeySequence(),
                              R::NeedsGateway | R::OnlyOne, owner))
    , linked(new KeyCommand(tr("Go to &Linked Key"), QStringLiteral("showLinked"),
                            QKeySequence(Qt::CTRL | Qt::Key_L), R::OnlyOne | R::NeedsLink, owner))
    , exportCsv(new KeyCommand(tr("&Export to CSV…"), QStringLiteral("exportCsv"),
                               QKeySequence(Qt::CTRL | Qt::Key_E), R::NoRestriction, owner)) {
    create->setToolTip(
        tr("Create a new API key (%1)").arg(create->shortcut().toString(QKeySequence::NativeText)));
    rotate->setTextFor([](int n) { return n > 1 ? tr("R&otate %n Keys…", nullptr, n) : tr("R&otate…"); });
    revoke->setTextFor([](int n) { return n > 1 ? tr("&Revoke %n Keys…", nullptr, n) : tr("&Revoke…"); });
    update({}, {});
}

QList<KeyCommand *> KeyActions::all() const {
    return {create, copyId, copySecret, edit,    limits,   usageWarning, details,
            rotate, revoke, usage,      history, requests, linked,       exportCsv};
}

void KeyActions::update(const QList<ApiKey> &selection, const QString &refusal) {
    for (KeyCommand *command : all())
        command->update(selection, refusal);
}

void KeyActions::setSelectionSource(std::function<QList<ApiKey>()> selection) {
    for (KeyCommand *command : all())
        connect(command, &QAction::triggered, this, [command, selection] { command->runOn(selection()); });
}

} // namespace knotie
