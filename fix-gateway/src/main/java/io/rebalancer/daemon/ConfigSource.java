package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.domain.EngineConfig;

import java.nio.file.Path;

/** Where the daemon gets its configuration: {@code ConfigLoader::load} in production, a stand-in in tests. */
@FunctionalInterface
interface ConfigSource {
    EngineConfig load(Path dir) throws ConfigException;
}
