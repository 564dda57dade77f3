#pragma once

#include "models/data/apikey.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace knotie {

// What the portal knows about the failing call and its key, so an explanation can name
// the key's real situation ("a Read-Only key tried POST /api/v1/customers").
// Without a key (the Analytics totals over many keys) the words stay general.
struct ErrorSituation {
    std::optional<ApiKey> key;
    QString method;
    QString route;
};

// An error answer in plain words: what happened, and what to do about it.
struct ErrorExplanation {
    QString meaning;
    QString fix;
};

// The one table of explanations for every error code the gateway's Platform API answers
// (grep the gateway for errorResponse / Outcome::error); an unknown code gets the
// explanation of its status class.
class ErrorExplanations {
    Q_DECLARE_TR_FUNCTIONS(ErrorExplanations)
public:
    static ErrorExplanation explain(int status, const QString &code, const ErrorSituation &situation);
    // The codes the table explains by name (the test checks each has its own words).
    static QStringList knownCodes();
};

} // namespace knotie
