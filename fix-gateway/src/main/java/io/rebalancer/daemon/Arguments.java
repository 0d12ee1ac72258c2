package io.rebalancer.daemon;

/**
 * A command line read one argument at a time, for the daemon's and its tools' option parsers: an option takes its
 * value after {@code =} ({@code --ticks=5}) or as the next argument ({@code --ticks 5}).
 */
final class Arguments {
    private final String[] args;
    private int index = -1;
    private String arg;
    private String name;
    private String inline;

    Arguments(final String... args) {
        this.args = args;
    }

    /** Moves to the next argument; false when there is none. */
    boolean next() {
        if (++index >= args.length) {
            return false;
        }
        arg = args[index];
        final int equals = arg.indexOf('=');
        final boolean split = arg.startsWith("--") && equals > 0;
        name = split ? arg.substring(0, equals) : arg;
        inline = split ? arg.substring(equals + 1) : null;
        return true;
    }

    /** The argument as given. */
    String arg() {
        return arg;
    }

    /** The option's name: the argument up to its {@code =}, or all of it. */
    String name() {
        return name;
    }

    /** For an option that takes no value: true, or a {@link UsageException} when one was given with {@code =}. */
    boolean flag() throws UsageException {
        if (inline != null) {
            throw new UsageException(name + " takes no value");
        }
        return true;
    }

    /**
     * The option's value, after {@code =} or as the next argument (which it consumes).
     *
     * @param what what the option needs, for the message when it is missing: "a value", "a folder"
     */
    String value(final String what) throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (index + 1 < args.length) {
            return args[++index];
        }
        throw new UsageException(name + " needs " + what);
    }

    /** As {@link #value}, refusing a blank one with the same message. */
    String nonBlankValue(final String what) throws UsageException {
        final String value = value(what);
        if (value.isBlank()) {
            throw new UsageException(name + " needs " + what);
        }
        return value;
    }

    /** The usage error for an argument no option of the parser knows. */
    UsageException unknown() {
        return new UsageException(arg.startsWith("-") ? "unknown option " + name
            : "unexpected argument '" + arg + "' (options start with --)");
    }
}
