#include "gateway/gateway.h"
#include "gateway/store.h"
#include "testconfig.h"

#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <yaml.h>

#include <memory>

using namespace knotie::gateway;

namespace {

// docs/openapi.yaml read with libyaml into a plain tree: enough to walk paths and refs.
struct YamlNode {
    enum class Kind { Scalar, Mapping, Sequence } kind = Kind::Scalar;
    QString scalar;
    QList<QPair<QString, YamlNode>> mapping;
    QList<YamlNode> sequence;

    const YamlNode *child(const QString &key) const {
        for (const auto &[k, v] : mapping)
            if (k == key)
                return &v;
        return nullptr;
    }
};

class YamlReader {
public:
    explicit YamlReader(const QByteArray &text)
        : m_text(text) {
        yaml_parser_initialize(&m_parser);
        yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char *>(m_text.constData()),
                                     static_cast<size_t>(m_text.size()));
    }
    ~YamlReader() { yaml_parser_delete(&m_parser); }
    YamlReader(const YamlReader &) = delete;
    YamlReader &operator=(const YamlReader &) = delete;

    // The first document's root, or nothing (with `error` set) when the text is not YAML
    // this reader understands (anchors and aliases are refused: the spec does not use them).
    std::optional<YamlNode> read(QString *error) {
        yaml_event_t event;
        while (next(&event)) {
            const yaml_event_type_t type = event.type;
            yaml_event_delete(&event);
            if (type == YAML_DOCUMENT_START_EVENT) {
                if (!next(&event))
                    break;
                auto root = node(&event);
                if (root)
                    return root;
                break;
            }
            if (type == YAML_STREAM_END_EVENT)
                break;
        }
        *error = m_error.isEmpty() ? QStringLiteral("no document") : m_error;
        return std::nullopt;
    }

private:
    bool next(yaml_event_t *event) {
        if (yaml_parser_parse(&m_parser, event))
            return true;
        m_error = QStringLiteral("line %1: %2")
                      .arg(m_parser.problem_mark.line + 1)
                      .arg(QString::fromUtf8(m_parser.problem ? m_parser.problem : "parse error"));
        return false;
    }

    // Builds the node that starts with `event` (which it deletes).
    std::optional<YamlNode> node(yaml_event_t *event) {
        YamlNode result;
        const yaml_event_type_t type = event->type;
        if (type == YAML_SCALAR_EVENT) {
            result.scalar = QString::fromUtf8(reinterpret_cast<const char *>(event->data.scalar.value),
                                              static_cast<qsizetype>(event->data.scalar.length));
            yaml_event_delete(event);
            return result;
        }
        yaml_event_delete(event);
        if (type != YAML_MAPPING_START_EVENT && type != YAML_SEQUENCE_START_EVENT) {
            m_error = QStringLiteral("unsupported YAML (alias or anchor)");
            return std::nullopt;
        }
        result.kind = type == YAML_MAPPING_START_EVENT ? YamlNode::Kind::Mapping : YamlNode::Kind::Sequence;
        for (;;) {
            yaml_event_t item;
            if (!next(&item))
                return std::nullopt;
            if (item.type == YAML_MAPPING_END_EVENT || item.type == YAML_SEQUENCE_END_EVENT) {
                yaml_event_delete(&item);
                return result;
            }
            auto first = node(&item);
            if (!first)
                return std::nullopt;
            if (result.kind == YamlNode::Kind::Sequence) {
                result.sequence.append(*first);
                continue;
            }
            yaml_event_t valueEvent;
            if (!next(&valueEvent))
                return std::nullopt;
            auto value = node(&valueEvent);
            if (!value)
                return std::nullopt;
            result.mapping.append({first->scalar, *value});
        }
    }

    QByteArray m_text;
    yaml_parser_t m_parser{};
    QString m_error;
};

const QStringList httpMethods{QStringLiteral("get"),    QStringLiteral("put"),     QStringLiteral("post"),
                              QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
                              QStringLiteral("patch"),  QStringLiteral("trace")};

// Operations the contract lists that this branch does not serve yet: the Platform API,
// MCP and usage charts are being built on another branch. This list is emptied when that
// work is merged; from then on every listed operation must be served.
void collectRefs(const YamlNode &node, QStringList *refs) {
    for (const auto &[key, value] : node.mapping) {
        if (key == QLatin1String("$ref"))
            refs->append(value.scalar);
        collectRefs(value, refs);
    }
    for (const YamlNode &item : node.sequence)
        collectRefs(item, refs);
}

} // namespace

// docs/openapi.yaml is the machine-readable copy of API.md: it must list exactly what
// the gateway serves, with the credential each route checks.
class TestOpenApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QFile file(QStringLiteral(KNOTIE_SOURCE_DIR "/docs/openapi.yaml"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        YamlReader reader(file.readAll());
        QString error;
        auto root = reader.read(&error);
        QVERIFY2(root, qPrintable(error));
        m_root = *root;

        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<Store>(m_dir.path());
        QVERIFY2(m_store->open(&error), qPrintable(error));
        // Without --test-clock: POST /_test/clock is not part of the contract.
        m_gateway = std::make_unique<Gateway>(*m_store, Gateway::Options{});
        for (const Route &route : m_gateway->router().routes())
            m_served.insert(QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pathTemplate,
                            route.audience);
        const YamlNode *paths = m_root.child(QStringLiteral("paths"));
        QVERIFY(paths);
        for (const auto &[path, item] : paths->mapping)
            for (const auto &[method, operation] : item.mapping)
                if (httpMethods.contains(method))
                    m_listed.insert(method.toUpper() + QLatin1Char(' ') + path, &operation);
    }

    void document_isOpenApi31() {
        QVERIFY(m_root.child(QStringLiteral("openapi")));
        QCOMPARE(m_root.child(QStringLiteral("openapi"))->scalar, QStringLiteral("3.1.0"));
        QVERIFY(m_listed.size() >= 25);
    }

    void everyServedRoute_isListedWithItsMethod() {
        QVERIFY(!m_served.isEmpty());
        for (auto it = m_served.cbegin(); it != m_served.cend(); ++it)
            QVERIFY2(m_listed.contains(it.key()),
                     qPrintable(it.key() + QStringLiteral(" is not in openapi.yaml")));
    }

    void everyListedOperation_isServed() {
        for (auto it = m_listed.cbegin(); it != m_listed.cend(); ++it)
            QVERIFY2(m_served.contains(it.key()),
                     qPrintable(it.key() + QStringLiteral(" is listed but not served")));
    }

    void everyOperation_namesTheCredentialItsRouteChecks() {
        const YamlNode *defaultSecurity = m_root.child(QStringLiteral("security"));
        QVERIFY(defaultSecurity);
        for (auto it = m_served.cbegin(); it != m_served.cend(); ++it) {
            const YamlNode *operation = m_listed.value(it.key());
            if (!operation)
                continue;
            const YamlNode *security = operation->child(QStringLiteral("security"));
            if (!security)
                security = defaultSecurity;
            QStringList schemes;
            for (const YamlNode &requirement : security->sequence)
                for (const auto &[scheme, scopes] : requirement.mapping)
                    schemes.append(scheme);
            const QStringList expected = it.value() == Audience::Public ? QStringList{}
                                         : it.value() == Audience::Session
                                             ? QStringList{QStringLiteral("session")}
                                             : QStringList{QStringLiteral("apiKey")};
            QVERIFY2(schemes == expected, qPrintable(it.key()));
        }
    }

    void everyOperation_hasResponsesAndEveryRefResolves() {
        for (auto it = m_listed.cbegin(); it != m_listed.cend(); ++it) {
            const YamlNode *responses = it.value()->child(QStringLiteral("responses"));
            QVERIFY2(responses && !responses->mapping.isEmpty(), qPrintable(it.key()));
        }
        QStringList refs;
        collectRefs(m_root, &refs);
        QVERIFY(!refs.isEmpty());
        for (const QString &ref : std::as_const(refs)) {
            QVERIFY2(ref.startsWith(QLatin1String("#/")), qPrintable(ref));
            const YamlNode *node = &m_root;
            const QStringList parts = ref.mid(2).split(QLatin1Char('/'));
            for (const QString &part : parts)
                node = node ? node->child(part) : nullptr;
            QVERIFY2(node, qPrintable(ref + QStringLiteral(" does not resolve")));
        }
    }

private:
    YamlNode m_root;
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Gateway> m_gateway;
    QHash<QString, Audience> m_served;
    QHash<QString, const YamlNode *> m_listed;
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
