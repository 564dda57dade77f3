#pragma once

#include "models/data/apikey.h"

class QWidget;

namespace knotie {

struct PageContext;
class SecretRevealDialog;

// Opens the dialog that shows a new key's secret once (it deletes itself on close and
// wipes the secret), saving it to the keychain under this account when asked.
SecretRevealDialog *revealSecret(const PageContext &context, const knotie::ApiKey &key, QByteArray secret,
                                 QWidget *parent);

} // namespace knotie
