package dev.ecsdiag.report;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The published JUnit XML schema Jenkins uses, {@code junit-10.xsd} from jenkinsci/xunit-plugin
 * (MIT, licence header kept in the file; see the README beside it), as a test resource. Collects
 * every violation instead of stopping at the first, so a failing test names them all.
 */
final class JUnitSchema {

    private static final Schema SCHEMA = load();

    private JUnitSchema() {
    }

    private static Schema load() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(JUnitSchema.class.getResource("junit-10.xsd"));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("junit-10.xsd does not load: " + e.getMessage(), e);
        }
    }

    /** Every violation of junit-10.xsd in the file, empty when it is valid. */
    static List<String> violations(Path file) throws Exception {
        return violations(new StreamSource(file.toFile()));
    }

    static List<String> violations(String xml) throws Exception {
        return violations(new StreamSource(new StringReader(xml)));
    }

    private static List<String> violations(Source source) throws Exception {
        List<String> found = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                found.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                found.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            validator.validate(source);
        } catch (SAXParseException e) {
            // already recorded by fatalError
        }
        return found;
    }
}
