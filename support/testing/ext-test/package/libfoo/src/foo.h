const char *foo_greeting(void);
