#pragma once

#include "models/session/access.h"

#include <QDateTime>

#include <functional>

class QWidget;

namespace knotie {

class Navigator;
class SecretClipboard;
class SecretStore;
class Workspace;

// What every page is built with: the signed-in person's workspace (session, data,
// models, key actions) and the few services that outlive a page.
struct PageContext {
    Workspace *workspace = nullptr;
    SecretStore *secrets = nullptr;
    SecretClipboard *clipboard = nullptr;
    Navigator *navigator = nullptr; // the main window makes one when none is given
    // The clock that places usage buckets ("the last 24 hours"); empty: this machine's.
    // Tests pin it to the gateway's test clock, so what they expect never races the hour.
    std::function<qint64()> clock = nullptr;

    qint64 now() const { return clock ? clock() : QDateTime::currentSecsSinceEpoch(); }
};

// The one place that knows which class shows which page.
QWidget *createPage(Page page, const PageContext &context, QWidget *parent);

QString pageTitle(Page page);
QString pageDescription(Page page);
QString pageSlug(Page page); // "api-keys": for the command line and settings

} // namespace knotie
