package org.backofficehub.util;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.language.bean.RuntimeBeanExpressionException;

/**
 * The failure a route's step threw, without the wrappers Camel puts around it on the way (a split
 * that stopped on it, a bean called from an expression, a producer template's call): what a
 * sender, a failure record or a reason file should be told.
 */
public final class CamelWrapping {

    private CamelWrapping() {
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; depth < 10 && cause != null && isWrapper(cause) && cause.getCause() != null; depth++) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean isWrapper(Throwable failure) {
        return failure instanceof CamelExchangeException && failure.getClass() == CamelExchangeException.class
                || failure instanceof CamelExecutionException
                || failure instanceof RuntimeBeanExpressionException
                || failure.getClass() == RuntimeCamelException.class;
    }
}
