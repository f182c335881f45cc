package com.acme.app;

import com.acme.demo.Demo;
import com.acme.demo.Mode;

/** Hand-written code using the bindings: it compiles only if they are generated first. */
public final class App {
    private App() {}

    public static String switchOn() {
        return Demo.set(Mode.ON).line();
    }
}
