#pragma once

#include "models/domain/keytype.h"

#include <QColor>
#include <QString>

namespace knotie {

// How the portal names and explains each key type, in the help article's words.
struct KeyTypeText {
    QString title;   // "Read-Only": keyTypeDisplayName(), the one translation of the name
    QString summary; // what it can and cannot do, one line
    QString useFor;  // when to pick it, one line
    QColor badge;    // the colour of its badge in tables
};

KeyTypeText keyTypeText(KeyType type);

} // namespace knotie
