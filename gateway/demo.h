#pragma once

#include "gateway/store.h"

namespace knotie::gateway {

// Seeds the two demo partner accounts of API.md ("Demo Agency" and "Other Agency") on
// an empty database; does nothing on one that already has partners.
bool seedDemo(Store &store, const QByteArray &password, qint64 now, QString *error);

} // namespace knotie::gateway
