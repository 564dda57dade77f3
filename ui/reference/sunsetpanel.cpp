#include "ui/reference/sunsetpanel.h"

#include "ui/reference/apiexamples.h"
#include "ui/reference/codeblock.h"

#include <QLabel>
#include <QVBoxLayout>

namespace knotie {

SunsetPanel::SunsetPanel(const QUrl &baseUrl, QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("sunsetPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("<p>When a key expires within 30 days (a rotated key's grace period included), every answer "
           "the Platform API gives to it carries a <code>Sunset</code> header (RFC 8594) with the moment "
           "the key stops working, as an HTTP date:</p>"
           "<p><code>Sunset: Fri, 01 Jan 2027 00:00:00 GMT</code></p>"
           "<p>The body does not change. Log the header or alert on it, and rotate the key (or change its "
           "expiry under API Keys → Change Limits) before that moment. A key without an expiry, or one "
           "further from it, gets no such header.</p>"),
        this);
    intro->setObjectName(QStringLiteral("sunsetExplanation"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    layout->addWidget(intro);
    for (const examples::Language language :
         {examples::Language::Curl, examples::Language::Python, examples::Language::N8n}) {
        auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(examples::languageTitle(language)), this);
        auto *code = new CodeBlock(tr("Sunset example: %1").arg(examples::languageTitle(language)), this);
        code->setObjectName(QStringLiteral("sunsetExample_%1").arg(int(language)));
        code->setCode(examples::sunsetExample(language, baseUrl));
        layout->addWidget(title);
        layout->addWidget(code, 1);
    }
}

} // namespace knotie
