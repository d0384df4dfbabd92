// Importing registers the transports, as collectors register themselves.
import './trickleTransport.js';
import './uploadTransport.js';
