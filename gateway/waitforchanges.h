#pragma once

#include "gateway/http/httpmessage.h"
#include "gateway/requestcontext.h"

#include <QString>

#include <functional>
#include <optional>

namespace knotie::gateway {

class Gateway;

// Reads one page of a list that changes (GET /v1/keys, GET /v1/audit). When the page has
// something to say (changes, or an error) it answers and returns nothing; when nothing
// changed after the cursor it answers nothing and returns the cursor an empty answer
// would carry.
using LookForChanges = std::function<std::optional<QString>(RequestContext &ctx, const Responder &respond)>;

// API.md v1.1's change wait: `wait` (0..60 seconds; else 422 invalid_wait) holds an
// empty answer until a change of the partner arrives (then the page is read again on a
// database thread) or the wait is over (then the empty answer, with the cursor the
// caller sent). While held, the answer occupies no thread (gateway/changewaits.h).
// `itemsField` names the list in the answer ("keys" or "events").
void answerOrWait(Gateway &gateway, RequestContext &ctx, const Responder &respond, const QString &itemsField,
                  LookForChanges look);

} // namespace knotie::gateway
