// Importing registers the transports, as collectors register themselves.
import './channelTransport.js';
import './trickleTransport.js';
import './uploadTransport.js';
