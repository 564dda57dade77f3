#pragma once

#include "models/session/access.h"

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
};

// The one place that knows which class shows which page. A page not built yet is a
// placeholder that says what it will hold.
QWidget *createPage(Page page, const PageContext &context, QWidget *parent);

QString pageTitle(Page page);
QString pageDescription(Page page);
QString pageSlug(Page page); // "api-keys": for the command line and settings

} // namespace knotie
