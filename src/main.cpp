// rempart: the command line (serve, petition, ...).
int main() { return 0; }
