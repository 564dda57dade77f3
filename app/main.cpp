#include "app/portalcontroller.h"
#include "app/singleinstance.h"
#include "ui/preferences/preferencesdialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QNetworkProxyFactory>
#include <QTranslator>

using knotie::PortalController;

namespace {
// The portal's own strings (built into the binary) and Qt's standard buttons, in the
// language chosen in the preferences, or the system's.
void installTranslations(QApplication &app, const QString &code) {
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    // A language the portal lacks gets English, whose file holds the plural forms
    // ("1 hour ago", "2 hours ago").
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("knotie"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        own->load(QStringLiteral(":/i18n/knotie_en")))
        QApplication::installTranslator(own);
}
} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Knotie"));
    QApplication::setOrganizationDomain(QStringLiteral("knotie.ai"));
    QApplication::setApplicationName(QStringLiteral("knotie-portal"));
    QApplication::setApplicationDisplayName(QStringLiteral("Knotie Partner Portal"));
    QApplication::setApplicationVersion(QStringLiteral(KNOTIE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("ai.knotie.PartnerPortal"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/knotie-portal.svg")));
    // Reach the gateway through the proxy the system settings name, as the browser does.
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    QFile style(QStringLiteral(":/style/portal.qss"));
    if (style.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(style.readAll()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Manage the API keys of your Knotie AI Pro partner account."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption gateway(QStringLiteral("gateway"),
                                     QStringLiteral("Gateway address to sign in to."), QStringLiteral("URL"));
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("Email to prefill."),
                                   QStringLiteral("EMAIL"));
    const QCommandLineOption signIn(QStringLiteral("sign-in"),
                                    QStringLiteral("Sign in at once with the password in $KNOTIE_PASSWORD."));
    const QCommandLineOption page(QStringLiteral("page"), QStringLiteral("Page to open, e.g. api-keys."),
                                  QStringLiteral("PAGE"));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QStringLiteral("Language for this run (en, de)."),
                                      QStringLiteral("CODE"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the main window as a PNG file and quit."),
                                        QStringLiteral("FILE"));
    parser.addOptions({gateway, email, signIn, page, language, screenshot});
    parser.process(app);

    installTranslations(app, parser.isSet(language) ? parser.value(language)
                                                    : knotie::PreferencesDialog::languageSetting());

    PortalController::Options options;
    options.gateway = parser.value(gateway);
    options.email = parser.value(email);
    options.autoSignIn = parser.isSet(signIn);
    if (options.autoSignIn)
        options.password = qEnvironmentVariable("KNOTIE_PASSWORD");
    options.startPage = parser.value(page);
    options.screenshot = parser.value(screenshot);

    // A screenshot run is a tool, not a second portal: it never hands over.
    knotie::SingleInstance instance;
    if (options.screenshot.isEmpty()) {
        if (instance.handOverToRunningInstance())
            return 0;
        instance.listen();
    }

    PortalController controller(options);
    QObject::connect(&instance, &knotie::SingleInstance::activationRequested, &controller,
                     &PortalController::bringToFront);
    controller.start();
    return QApplication::exec();
}
