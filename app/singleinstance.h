#pragma once

#include <QString>

namespace knotie {

// One portal per person on a computer: a second start hands over to the first (which comes
// to the front) and quits, so two windows never sync the same cache at once. The first stage
// asks before its first window, with a plain socket; the running portal answers through
// app/portal/instanceserver.h, at the same path.

// The local socket the running portal listens on: per user, named after the home folder.
QString singleInstanceSocketPath();

// True if another portal already runs and was asked to come to the front.
bool handOverToRunningInstance();

} // namespace knotie
