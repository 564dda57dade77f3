#pragma once

#include "models/data/apikey.h"

class QWidget;

namespace knotie {

// Every key a bulk action will touch, by name and masked secret, scrollable when long:
// the rotate and revoke confirmations both list them.
QWidget *keyListLabel(const QList<knotie::ApiKey> &keys, QWidget *parent);

} // namespace knotie
