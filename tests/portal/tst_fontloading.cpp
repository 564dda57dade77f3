#include "ui/style/fontloading.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLabel>
#include <QTest>

using namespace knotie;

// The font configuration is read ahead on a thread while the application starts
// (ui/style/fontloading.h): Qt's font database then has the system's fonts, as without it.
class TestFontLoading : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fontsLoadedAhead_areTheFontsQtFinds() {
        QVERIFY(!QFontDatabase::families().isEmpty());
        QLabel label(QStringLiteral("Create API Key"));
        QVERIFY(label.sizeHint().width() > label.fontMetrics().horizontalAdvance(QLatin1Char('C')));
        finishLoadingFonts(); // again: nothing left to wait for
    }
};

int main(int argc, char **argv) {
    // As the portal starts (app/launcher.cpp): the loading begins before the QApplication, once however often
    // it is asked for, and is waited for before the first widget.
    startLoadingFonts();
    startLoadingFonts();
    QApplication app(argc, argv);
    finishLoadingFonts();
    TestFontLoading test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_fontloading.moc"
