package it;

/** Does not compile, on purpose. */
public class Broken {
    int x = "not a number";
}
