#pragma once

#include "models/items/keyfilter.h"
#include "models/session/access.h"

#include <QObject>

namespace knotie {

// How a page asks for another page without knowing the shell: the Overview's key counts
// open the API Keys page filtered, its traffic chart opens Analytics. The main window
// shows what pageRequested names; the API Keys page applies keyFilter() when it is made
// and keyFilterRequested while it exists.
class Navigator : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void showPage(Page page) { Q_EMIT pageRequested(page); }
    void showKeys(const KeyFilter &filter);
    // The slice of the key table asked for last.
    const KeyFilter &keyFilter() const { return m_keyFilter; }

Q_SIGNALS:
    void pageRequested(knotie::Page page);
    void keyFilterRequested(const knotie::KeyFilter &filter);

private:
    KeyFilter m_keyFilter;
};

} // namespace knotie
