#pragma once

#include "models/data/apikey.h"

#include <QDialog>

namespace knotie {

// "Revoke “N8N Production”?": names the key (or lists every key of a bulk revoke) and
// says it stops working at once.
class RevokeKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit RevokeKeyDialog(const QList<knotie::ApiKey> &keys, QWidget *parent = nullptr);
};

} // namespace knotie
