#pragma once

#include "models/data/apikey.h"
#include "models/domain/keytype.h"
#include "ui/pages/pagecontext.h"

#include <QObject>

class QWidget;

namespace knotie {
class CreateKeyDialog;
}

namespace knotie {

// Create API Key from start to end, for any page that offers it: the form (with a type
// and customer chosen beforehand if the page knows them), the request through the
// KeyService, the gateway's refusal next to its field, and the new secret shown once.
// Deletes itself when the form closes.
class CreateKeyFlow : public QObject {
    Q_OBJECT
public:
    CreateKeyFlow(const PageContext &context, QWidget *parent);

    // Opens the form; the returned dialog lives until the form closes.
    CreateKeyDialog *start(std::optional<KeyType> type = {}, const QString &customerId = {});

Q_SIGNALS:
    // The key exists, and its secret is being shown once.
    void created(const knotie::ApiKey &key);

private:
    PageContext m_context;
    QWidget *m_parent;
};

} // namespace knotie
