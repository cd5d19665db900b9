package hudson.model;

import hudson.security.AccessControlled;

public abstract class AbstractItem extends Actionable implements Item, AccessControlled {
}
