package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    String getFullName();

    String getFullDisplayName();

    Permission CONFIGURE = null;

    Permission EXTENDED_READ = null;
}
