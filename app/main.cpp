#include "app/portalcontroller.h"
#include "app/singleinstance.h"
#include "ui/preferences/preferencesdialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/style/fontloading.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QNetworkProxyFactory>
#include <QTimer>
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

// The command line, for the GUI run and for --help and --version alike.
struct CommandLine {
    QCommandLineOption gateway{QStringLiteral("gateway"), QStringLiteral("Gateway address to sign in to."),
                               QStringLiteral("URL")};
    QCommandLineOption email{QStringLiteral("email"), QStringLiteral("Email to prefill."),
                             QStringLiteral("EMAIL")};
    QCommandLineOption signIn{QStringLiteral("sign-in"),
                              QStringLiteral("Sign in at once with the password in $KNOTIE_PASSWORD.")};
    QCommandLineOption page{QStringLiteral("page"), QStringLiteral("Page to open, e.g. api-keys."),
                            QStringLiteral("PAGE")};
    QCommandLineOption language{QStringLiteral("language"), QStringLiteral("Language for this run (en, de)."),
                                QStringLiteral("CODE")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("Save the main window as a PNG file and quit."),
                                  QStringLiteral("FILE")};

    void addTo(QCommandLineParser &parser) const {
        parser.setApplicationDescription(
            QStringLiteral("Manage the API keys of your Knotie AI Pro partner account."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({gateway, email, signIn, page, language, screenshot});
    }
};

void setApplicationNames() {
    QCoreApplication::setOrganizationName(QStringLiteral("Knotie"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("knotie.ai"));
    QCoreApplication::setApplicationName(QStringLiteral("knotie-portal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KNOTIE_VERSION));
}

// --help and --version need no display: they are answered by a QCoreApplication before any GUI
// exists (a QApplication aborts without a display, and --help is how people find --gateway).
bool asksOnlyForInformation(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            return false;
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return true;
    }
    return false;
}
} // namespace

int main(int argc, char *argv[]) {
    if (asksOnlyForInformation(argc, argv)) {
        QCoreApplication core(argc, argv);
        setApplicationNames();
        QCommandLineParser parser;
        CommandLine().addTo(parser);
        parser.process(core); // prints and exits
        return 0;
    }
    knotie::startLoadingFonts(); // while the QApplication connects to the window system
    QApplication app(argc, argv);
    knotie::finishLoadingFonts();
    setApplicationNames();
    QApplication::setDesktopFileName(QStringLiteral("ai.knotie.PartnerPortal"));
    // Reach the gateway through the proxy the system settings name, as the browser does.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    // The portal's style sheet touches only the main window and is set when that opens (see
    // PortalController::openMainWindow): set here it would put every widget of the sign-in
    // dialog through the style sheet style before the first window is mapped.

    QCommandLineParser parser;
    const CommandLine cli;
    cli.addTo(parser);
    parser.process(app);

    installTranslations(app, parser.isSet(cli.language) ? parser.value(cli.language)
                                                        : knotie::PreferencesDialog::languageSetting());
    // Translated, once the language is known: the window system shows it after every window's
    // own title ("Demo Agency — Knotie Partnerportal"), so no title repeats it.
    QApplication::setApplicationDisplayName(knotie::MainWindow::applicationDisplayName());

    PortalController::Options options;
    options.gateway = parser.value(cli.gateway);
    options.email = parser.value(cli.email);
    options.autoSignIn = parser.isSet(cli.signIn);
    if (options.autoSignIn)
        options.password = qEnvironmentVariable("KNOTIE_PASSWORD");
    options.startPage = parser.value(cli.page);
    options.screenshot = parser.value(cli.screenshot);

    // A screenshot run is a tool, not a second portal: it never hands over.
    knotie::SingleInstance instance;
    if (options.screenshot.isEmpty()) {
        if (instance.handOverToRunningInstance())
            return 0;
        // Listening waits for the first turn of the event loop, with the window on its way
        // to the screen: setting the server up took a twentieth of the time to it.
        QTimer::singleShot(0, &instance, &knotie::SingleInstance::listen);
    }

    PortalController controller(options);
    QObject::connect(&instance, &knotie::SingleInstance::activationRequested, &controller,
                     &PortalController::bringToFront);
    controller.start();
    // The icon is an SVG: reading it loads the SVG icon engine and Qt Svg, which the first
    // window does not need to be mapped. It follows in the first turn of the event loop, and
    // reaches the windows already open (and the tray, made later, reads it from here).
    QTimer::singleShot(
        0, &app, [] { QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/knotie-portal.svg"))); });
    return QApplication::exec();
}
