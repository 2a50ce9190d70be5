package dev.crashlab.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Validates documents against crashlab's shipped JSON Schemas (networknt json-schema-validator,
 * draft 2020-12), loaded from the engine's classpath, so that a schema's relative reference to
 * another shipped schema ({@code crashlab-results-2.schema.json#/$defs/RunMetrics}) resolves as it
 * does for a tool that reads the files side by side.
 */
public final class JsonSchemas {

    private JsonSchemas() {
    }

    /** Returns the errors of {@code json} against the schema resource {@code dev/crashlab/results/<name>}. */
    public static List<Error> validate(String name, String json) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("classpath:dev/crashlab/results/" + name));
        return schema.validate(json, InputFormat.JSON);
    }
}
